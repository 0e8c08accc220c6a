namespace Hubs.Benchmarks.Load;

/// <summary>One load step: offered and delivered rates, latency and the load generator's CPU.</summary>
public sealed record StepResult(
    int OfferedPerSecond,
    long MessagesPlanned,
    long MessagesSent,
    long ExpectedDeliveries,
    long Deliveries,
    double DeliveredPerSecond,
    double? P50Millis,
    double? P99Millis,
    double MaxMillis,
    double ClientCpuPercent,
    double? ServerCpuPercent,
    double OtherCpuPercent,
    long SenderFailures)
{
    /// <summary>CPU used by other processes above which a step is flagged as not fair.</summary>
    public const double OtherCpuLimitPercent = 15;

    public const double P99BoundMillis = 100;
    public const double MinDeliveredShare = 0.95;
    public const double ClientCpuLimitPercent = 80;

    /// <summary>p99 within the bound and at least 95% of the offered rate delivered.</summary>
    public bool Passed => P99Millis is <= P99BoundMillis
        && DeliveredPerSecond >= MinDeliveredShare * OfferedPerSecond;

    public bool ClientSaturated => ClientCpuPercent > ClientCpuLimitPercent;

    public bool Noisy => OtherCpuPercent > OtherCpuLimitPercent;
}
