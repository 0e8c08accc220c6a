using System.Globalization;
using Hubs.Benchmarks.Load;

namespace Hubs.Benchmarks.Chat;

/// <summary>Progress lines and the final comparison, on standard output.</summary>
public static class ReportPrinter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Step(string server, int number, int count, StepResult step)
    {
        var verdict = step.Passed ? "ok" : "MISS";
        var client = step.ClientSaturated ? " CLIENT-SATURATED" : string.Empty;
        var noisy = step.Noisy ? " NOISY(other processes busy)" : string.Empty;
        Console.WriteLine(string.Create(
            Invariant,
            $"[{server}] step {number}/{count}: offered {step.OfferedPerSecond,7:N0}/s" +
            $" sent {step.MessagesSent:N0}/{step.MessagesPlanned:N0} msgs" +
            $" delivered {step.DeliveredPerSecond,9:N0}/s ({step.Deliveries:N0}/{step.ExpectedDeliveries:N0})" +
            $" p50 {Millis(step.P50Millis)} p99 {Millis(step.P99Millis)} max {step.MaxMillis:N1} ms" +
            $" CPU client {step.ClientCpuPercent:N0}% server {Percent(step.ServerCpuPercent)}" +
            $" other {step.OtherCpuPercent:N0}% send errors {step.SenderFailures} {verdict}{client}{noisy}"));
    }

    public static void Comparison(ChatOptionsSummary setup, IReadOnlyList<ServerRun> runs)
    {
        Console.WriteLine();
        Console.WriteLine(setup.Describe());
        Console.WriteLine();
        foreach (var run in runs)
        {
            Console.WriteLine($"{run.Name}:");
            foreach (var note in run.Notes)
            {
                Console.WriteLine($"  - {note}");
            }

            if (run.Error is not null)
            {
                Console.WriteLine($"  - run stopped: {run.Error}");
            }

            Console.WriteLine(
                "  | offered/s | msgs sent/planned | delivered/s | p50 ms | p99 ms | max ms" +
                " | CPU client / server / other | pass |");
            Console.WriteLine("  |---:|---:|---:|---:|---:|---:|---:|:---:|");
            foreach (var s in run.Steps)
            {
                Console.WriteLine(string.Create(
                    Invariant,
                    $"  | {s.OfferedPerSecond:N0} | {s.MessagesSent:N0}/{s.MessagesPlanned:N0}" +
                    $" | {s.DeliveredPerSecond:N0} | {Millis(s.P50Millis, false)}" +
                    $" | {Millis(s.P99Millis, false)} | {s.MaxMillis:N1}" +
                    $" | {s.ClientCpuPercent:N0}% / {Percent(s.ServerCpuPercent)} / {s.OtherCpuPercent:N0}%" +
                    $" | {(s.Passed ? "yes" : "no")} |"));
            }

            Console.WriteLine();
        }

        Console.WriteLine(
            "| Server | delivered/s at p99 <= 100 ms | p50 / p99 at 5,000/s | client CPU at best step |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var run in runs)
        {
            var best = run.Best;
            var reference = run.At(setup.ReferenceStep);
            Console.WriteLine(string.Create(
                Invariant,
                $"| {run.Name} | {Rate(best, run)} | {Millis(reference?.P50Millis, false)} / " +
                $"{Millis(reference?.P99Millis, false)} ms" +
                $" | {(best is null ? "-" : $"{best.ClientCpuPercent:N0}%")} |"));
        }

        if (runs.Count == 2 && runs[0].Best is { } bare && runs[1].Best is { } hubs)
        {
            var bareRef = runs[0].At(setup.ReferenceStep);
            var hubsRef = runs[1].At(setup.ReferenceStep);
            Console.WriteLine(string.Create(
                Invariant,
                $"| {runs[1].Name} / {runs[0].Name} | {hubs.DeliveredPerSecond / bare.DeliveredPerSecond:N2}x" +
                $" | {Ratio(hubsRef?.P50Millis, bareRef?.P50Millis)}" +
                $" / {Ratio(hubsRef?.P99Millis, bareRef?.P99Millis)}" +
                $" | |"));
        }

        var noisy = runs.Sum(r => r.Steps.Count(s => s.Noisy));
        if (noisy > 0)
        {
            Console.WriteLine();
            Console.WriteLine(
                $"WARNING: {noisy} step(s) ran while other processes used more than " +
                $"{StepResult.OtherCpuLimitPercent}% of a core: not a fair run; repeat on a quiet machine.");
        }

        Console.WriteLine();
        Console.WriteLine("delivered/s is the delivered rate of the highest step whose p99 <= 100 ms and which");
        Console.WriteLine("delivered >= 95% of the offered rate; a step at the top of --steps means the ceiling");
        Console.WriteLine("was not reached. Client CPU above 80% of its core means the load generator, not the");
        Console.WriteLine("server, may have set the limit (perf.md rule 2). \"other\" is CPU used by other");
        Console.WriteLine(
            $"processes during the step; above {StepResult.OtherCpuLimitPercent}% the step is not a fair run.");
    }

    private static string Rate(StepResult? best, ServerRun run)
    {
        if (best is null)
        {
            return run.Steps.Count == 0 ? "not run" : "none passed";
        }

        var top = best.OfferedPerSecond == run.Steps.Max(s => s.OfferedPerSecond)
            && run.Steps.All(s => s.Passed);
        return string.Create(
            Invariant,
            $"{best.DeliveredPerSecond:N0} (step {best.OfferedPerSecond:N0}" +
            $"{(top ? ", highest tried" : string.Empty)})");
    }

    private static string Percent(double? value) =>
        value is { } v ? string.Create(Invariant, $"{v:N0}%") : "-";

    private static string Ratio(double? a, double? b) =>
        a is { } x && b is { } y && y > 0 ? string.Create(Invariant, $"{x / y:N1}x") : "-";

    private static string Millis(double? value, bool unit = true) => value is { } v
        ? string.Create(Invariant, $"{v:N2}{(unit ? " ms" : string.Empty)}")
        : "lost";
}
