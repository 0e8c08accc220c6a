using Hubs.Benchmarks.Cli;
using Hubs.Benchmarks.Load;

namespace Hubs.Benchmarks.Chat;

/// <summary>
/// The chat fan-out benchmark (issue #2, perf.md rows 1-2): the same stepped load against the bare
/// SignalR broadcast server and against Hubs, then the comparison.
/// </summary>
public static class ChatBenchmark
{
    /// <summary>Upper bound for one whole invocation; everything stops after it.</summary>
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(30);

    private const int FirstWarmupSeconds = 5;

    public static async Task<int> RunAsync(ChatOptions options)
    {
        var pinned = !options.NoPin && CpuPinning.IsPinned;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        var setup = new ChatOptionsSummary(options, pinned) { LoadAtStart = load };
        Console.WriteLine(setup.Describe());
        using var timeout = new CancellationTokenSource(MaxRunTime);
        var token = timeout.Token;
        int? serverCpu = pinned ? CpuPinning.ServerCpu : null;

        var runs = new List<ServerRun>();
        if (!options.SkipBare)
        {
            var run = new ServerRun("bare ASP.NET Core SignalR");
            runs.Add(run);
            await GuardAsync(run, () => BareTarget.RunAsync(options, serverCpu, run, token));
        }

        if (!options.SkipHubs)
        {
            var run = new ServerRun("Hubs");
            runs.Add(run);
            await GuardAsync(run, () => HubsTarget.RunAsync(options, serverCpu, run, token));
        }

        ReportPrinter.Comparison(setup, runs);
        return runs.Any(r => r.Error is not null) ? 1 : 0;
    }

    /// <summary>Runs the steps in order, stopping after the first miss unless --all-steps.</summary>
    public static async Task RunStepsAsync(
        ChatOptions options,
        ServerRun run,
        IMessageSender sender,
        ReceiverPool receivers,
        int? serverPid,
        CancellationToken cancellationToken)
    {
        run.Notes.Add($"sender: {sender.Description}");
        var runner = new StepRunner(
            sender,
            receivers.Recorder,
            receivers.Connections.Count,
            serverPid,
            TimeSpan.FromSeconds(options.QuietWaitSeconds));
        var steps = options.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            // The first step also warms up the JIT (tiered compilation) of both processes.
            var warmup = i == 0 ? Math.Max(options.WarmupSeconds, FirstWarmupSeconds) : options.WarmupSeconds;
            var step = await runner.RunAsync(
                steps[i],
                TimeSpan.FromSeconds(warmup),
                TimeSpan.FromSeconds(options.DurationSeconds),
                cancellationToken);
            run.Steps.Add(step);
            ReportPrinter.Step(run.Name, i + 1, steps.Count, step);

            if (receivers.FirstFailure() is { } failure)
            {
                run.Error = failure;
                return;
            }

            if (!step.Passed && !options.AllSteps)
            {
                return;
            }
        }
    }

    private static async Task GuardAsync(ServerRun run, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            run.Error = e is OperationCanceledException ? "timed out" : e.Message;
            Console.WriteLine($"[{run.Name}] failed: {e}");
        }
    }
}
