using System.Diagnostics;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// Collects send-to-receive latencies of the messages sent inside the current measurement window.
/// Sender and receivers share this process, so both timestamps come from the same monotonic clock.
/// </summary>
public sealed class DeliveryRecorder
{
    private LatencyHistogram _histogram = new();
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _lastDelivery;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private long _framesSeen;

    public LatencyHistogram Histogram => _histogram;

    /// <summary>Stopwatch timestamp of the latest in-window delivery.</summary>
    public long LastDelivery => Volatile.Read(ref _lastDelivery);

    /// <summary>Stopwatch timestamp of the latest frame of any kind on any receiver.</summary>
    public long LastActivity => Volatile.Read(ref _lastActivity);

    public long FramesSeen => Volatile.Read(ref _framesSeen);

    /// <summary>Starts a new window: only messages sent from now on are recorded.</summary>
    public void OpenWindow(long start)
    {
        _histogram = new LatencyHistogram();
        Volatile.Write(ref _lastDelivery, 0);
        Volatile.Write(ref _windowEnd, long.MaxValue);
        Volatile.Write(ref _windowStart, start);
    }

    /// <summary>Messages sent at or after <paramref name="end"/> are no longer recorded.</summary>
    public void CloseWindow(long end) => Volatile.Write(ref _windowEnd, end);

    public void NoteFrame(long now)
    {
        Volatile.Write(ref _lastActivity, now);
        Interlocked.Increment(ref _framesSeen);
    }

    public void Record(long sentTimestamp, long now)
    {
        if (sentTimestamp < Volatile.Read(ref _windowStart) || sentTimestamp >= Volatile.Read(ref _windowEnd))
        {
            return;
        }

        var micros = (now - sentTimestamp) * 1_000_000 / Stopwatch.Frequency;
        _histogram.Record(micros);
        Volatile.Write(ref _lastDelivery, now);
    }
}
