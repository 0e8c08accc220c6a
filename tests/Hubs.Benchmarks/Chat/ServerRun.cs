using Hubs.Benchmarks.Load;

namespace Hubs.Benchmarks.Chat;

/// <summary>All steps run against one server, or why the run stopped.</summary>
public sealed class ServerRun(string name)
{
    public string Name { get; } = name;

    public List<StepResult> Steps { get; } = [];

    public List<string> Notes { get; } = [];

    public string? Error { get; set; }

    /// <summary>The highest step that passed (p99 within bound, 95% delivered).</summary>
    public StepResult? Best => Steps.Where(s => s.Passed).MaxBy(s => s.OfferedPerSecond);

    public StepResult? At(int offeredPerSecond) => Steps.FirstOrDefault(s => s.OfferedPerSecond == offeredPerSecond);
}
