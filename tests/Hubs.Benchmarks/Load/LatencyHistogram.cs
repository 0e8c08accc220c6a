namespace Hubs.Benchmarks.Load;

/// <summary>
/// Lock-free latency histogram: 10 µs buckets up to 200 ms, then 1 ms buckets up to 60 s.
/// Values beyond the last bucket land in it.
/// </summary>
public sealed class LatencyHistogram
{
    private const long FineBucketMicros = 10;
    private const long FineLimitMicros = 200_000;
    private const long CoarseBucketMicros = 1_000;
    private const long CoarseLimitMicros = 60_000_000;
    private const int FineBuckets = (int)(FineLimitMicros / FineBucketMicros);
    private const int CoarseBuckets = (int)((CoarseLimitMicros - FineLimitMicros) / CoarseBucketMicros);

    private readonly long[] _buckets = new long[FineBuckets + CoarseBuckets];
    private long _count;
    private long _maxMicros;

    public long Count => Volatile.Read(ref _count);

    public long MaxMicros => Volatile.Read(ref _maxMicros);

    public void Record(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        Interlocked.Increment(ref _buckets[IndexOf(micros)]);
        Interlocked.Increment(ref _count);

        var max = Volatile.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>
    /// The latency at <paramref name="quantile"/> over <paramref name="expected"/> deliveries, where
    /// every delivery that never arrived counts as infinitely late (null when it falls there).
    /// </summary>
    public double? PercentileMillis(double quantile, long expected)
    {
        var total = Math.Max(expected, Count);
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        rank = Math.Clamp(rank, 1, total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return UpperMicrosOf(i) / 1000.0;
            }
        }

        return null;
    }

    private static int IndexOf(long micros)
    {
        if (micros < FineLimitMicros)
        {
            return (int)(micros / FineBucketMicros);
        }

        var coarse = (micros - FineLimitMicros) / CoarseBucketMicros;
        return FineBuckets + (int)Math.Min(coarse, CoarseBuckets - 1);
    }

    private static long UpperMicrosOf(int index) => index < FineBuckets
        ? (index + 1) * FineBucketMicros
        : FineLimitMicros + ((index - FineBuckets + 1) * CoarseBucketMicros);
}
