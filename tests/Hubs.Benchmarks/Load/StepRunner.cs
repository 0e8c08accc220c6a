using System.Diagnostics;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// Offers a paced message rate to one room for a warm-up and a measured window, then waits a bounded
/// time for the deliveries and reports them. Every wait here is bounded in time.
/// </summary>
/// <param name="machineQuietWait">How long a step waits for other processes to go quiet.</param>
public sealed class StepRunner(
    IMessageSender sender,
    DeliveryRecorder recorder,
    int members,
    int? serverPid,
    TimeSpan machineQuietWait)
{
    private static readonly TimeSpan QuietBefore = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxQuietWait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxDrain = TimeSpan.FromSeconds(5);


    private long _nextIndex;

    public async Task<StepResult> RunAsync(
        int deliveriesPerSecond,
        TimeSpan warmup,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var messagesPerSecond = (double)deliveriesPerSecond / members;
        await WaitQuietAsync(recorder, QuietBefore, MaxQuietWait, cancellationToken);
        await WaitMachineQuietAsync(serverPid, machineQuietWait, cancellationToken);

        await PaceAsync(messagesPerSecond, warmup, cancellationToken);

        var cpuBefore = CpuSample.Take(serverPid);
        var windowStart = Stopwatch.GetTimestamp();
        recorder.OpenWindow(windowStart);
        var failuresBefore = sender.Failures;
        var sent = await PaceAsync(messagesPerSecond, duration, cancellationToken);
        var windowEnd = Stopwatch.GetTimestamp();
        recorder.CloseWindow(windowEnd);
        var cpuAfter = CpuSample.Take(serverPid);

        var expected = sent * members;
        var histogram = recorder.Histogram;
        var drainUntil = windowEnd + Seconds(MaxDrain);
        while (histogram.Count < expected && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(20, cancellationToken);
        }

        var lastDelivery = Math.Max(recorder.LastDelivery, windowEnd);
        var elapsedSeconds = (double)(lastDelivery - windowStart) / Stopwatch.Frequency;
        var windowSeconds = (double)(windowEnd - windowStart) / Stopwatch.Frequency;
        var client = cpuAfter.ClientSeconds - cpuBefore.ClientSeconds;
        var server = cpuAfter.ServerSeconds - cpuBefore.ServerSeconds;
        var other = cpuAfter.MachineSeconds - cpuBefore.MachineSeconds - client - (server ?? 0);
        return new StepResult(
            deliveriesPerSecond,
            (long)Math.Round(messagesPerSecond * duration.TotalSeconds),
            sent,
            expected,
            histogram.Count,
            histogram.Count / elapsedSeconds,
            histogram.PercentileMillis(0.50, expected),
            histogram.PercentileMillis(0.99, expected),
            histogram.MaxMicros / 1000.0,
            100 * client / windowSeconds,
            100 * server / windowSeconds,
            Math.Max(0, 100 * other / windowSeconds),
            sender.Failures - failuresBefore);
    }

    /// <summary>Waits until no frame arrived for <paramref name="quiet"/>, at most <paramref name="max"/>.</summary>
    public static async Task WaitQuietAsync(
        DeliveryRecorder recorder,
        TimeSpan quiet,
        TimeSpan max,
        CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Seconds(max);
        while (Stopwatch.GetTimestamp() < deadline
            && Stopwatch.GetTimestamp() - recorder.LastActivity < Seconds(quiet))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="max"/>) until other processes use under the noisy limit, so a
    /// step does not start in the middle of someone's build. Returns their CPU share in percent.
    /// </summary>
    public static async Task<double> WaitMachineQuietAsync(
        int? serverPid,
        TimeSpan max,
        CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Seconds(max);
        while (true)
        {
            var before = CpuSample.Take(serverPid);
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var after = CpuSample.Take(serverPid);
            var seconds = (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency;
            var ours = after.ClientSeconds - before.ClientSeconds + ((after.ServerSeconds - before.ServerSeconds) ?? 0);
            var other = 100 * (after.MachineSeconds - before.MachineSeconds - ours) / seconds;
            if (other <= StepResult.OtherCpuLimitPercent || Stopwatch.GetTimestamp() >= deadline)
            {
                return other;
            }
        }
    }

    private static long Seconds(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Sends at <paramref name="rate"/> messages/s for <paramref name="length"/>; returns the count.</summary>
    private async Task<long> PaceAsync(double rate, TimeSpan length, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + Seconds(length);
        var interval = Stopwatch.Frequency / rate;
        long sent = 0;
        while (true)
        {
            var due = start + (long)(sent * interval);
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                return sent;
            }

            if (due >= end)
            {
                // Close the window at its nominal end so the rate divides by the full length.
                due = end;
            }

            var waitMillis = (due - now) * 1000 / Stopwatch.Frequency;
            if (waitMillis >= 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(waitMillis), cancellationToken);
                continue;
            }

            if (due < end)
            {
                await sender.SendAsync(_nextIndex++, cancellationToken);
                sent++;
            }
        }
    }
}
