using System.Buffers.Text;
using System.Text;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// The 128-byte message text: a marker, the 19-digit send timestamp and filler. Only letters,
/// digits and spaces, so no JSON encoder escapes it and receivers find it with one byte search.
/// </summary>
public static class BenchText
{
    public const int Length = 128;
    public const int StampDigits = 19;

    public static ReadOnlySpan<byte> Marker => "BENCHTS"u8;

    /// <summary>The text with a zero timestamp; <see cref="WriteStamp"/> fills it in place.</summary>
    public static string Template()
    {
        var head = "BENCHTS" + new string('0', StampDigits) + " ";
        var filler = new StringBuilder(Length);
        const string words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
        while (head.Length + filler.Length < Length)
        {
            filler.Append(words);
        }

        return (head + filler).Substring(0, Length);
    }

    /// <summary>Writes the timestamp as exactly 19 digits at <paramref name="destination"/>.</summary>
    public static void WriteStamp(Span<byte> destination, long timestamp) =>
        WriteDigits(destination[..StampDigits], timestamp);

    public static void WriteDigits(Span<byte> destination, long value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Finds the stamp in a frame; false when the frame carries no benchmark text.</summary>
    public static bool TryReadStamp(ReadOnlySpan<byte> frame, out long timestamp)
    {
        timestamp = 0;
        var at = frame.IndexOf(Marker);
        if (at < 0 || frame.Length < at + Marker.Length + StampDigits)
        {
            return false;
        }

        var digits = frame.Slice(at + Marker.Length, StampDigits);
        return Utf8Parser.TryParse(digits, out timestamp, out var consumed) && consumed == StampDigits;
    }
}
