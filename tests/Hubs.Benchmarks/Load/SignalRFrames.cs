namespace Hubs.Benchmarks.Load;

/// <summary>Pre-encoded frames of the SignalR JSON hub protocol, version 1.</summary>
public static class SignalRFrames
{
    public const byte RecordSeparator = 0x1e;

    public static ReadOnlyMemory<byte> Handshake { get; } = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();

    public static ReadOnlyMemory<byte> Ping { get; } = "{\"type\":6}\u001e"u8.ToArray();

    public static ReadOnlySpan<byte> CloseType => "\"type\":7"u8;
}
