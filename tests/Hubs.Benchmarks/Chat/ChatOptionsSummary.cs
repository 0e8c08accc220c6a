using System.Globalization;
using Hubs.Benchmarks.Cli;

namespace Hubs.Benchmarks.Chat;

/// <summary>The setup line printed above the results.</summary>
public sealed record ChatOptionsSummary(ChatOptions Options, bool Pinned)
{
    public int ReferenceStep => Options.ReferenceStep;

    public string LoadAtStart { get; init; } = "unknown";

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Chat fan-out: 1 room x {Options.Members} members (one receiver WebSocket each, lean SignalR JSON " +
        $"client), {Load.BenchText.Length}-byte text, {Options.Senders} sender(s); " +
        $"{Options.WarmupSeconds} s warm-up + {Options.DurationSeconds} s measured per step; " +
        $"{(Pinned ? "server on CPU 0, load generator on CPU 1" : "NOT pinned (results may swing 2-5x)")}" +
        $"; machine: {MachineCpus()} CPU(s), .NET {Environment.Version}, load average at start {LoadAtStart}.");

    private static int MachineCpus() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal))
        : Environment.ProcessorCount;
}
