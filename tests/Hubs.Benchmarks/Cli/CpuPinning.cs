using System.Diagnostics;

namespace Hubs.Benchmarks.Cli;

/// <summary>
/// Pins the load generator to CPU 1 by running this program again under <c>taskset -c 1</c>, so
/// every thread (the runtime's too) inherits the affinity from the start.
/// </summary>
public static class CpuPinning
{
    public const int ServerCpu = 0;
    public const int LoadCpu = 1;
    private const string PinnedVariable = "HUBS_BENCH_PINNED";

    public static bool IsPinned => Environment.GetEnvironmentVariable(PinnedVariable) == "1";

    public static bool CanPin => Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset");

    /// <summary>Runs this program again pinned and returns its exit code.</summary>
    public static async Task<int> RerunPinnedAsync(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo("taskset") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(LoadCpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var part in SelfCommand())
        {
            info.ArgumentList.Add(part);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[PinnedVariable] = "1";
        using var child = Process.Start(info) ?? throw new InvalidOperationException("taskset did not start");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>The program and leading arguments that start this program again.</summary>
    public static IReadOnlyList<string> SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var dll = typeof(CpuPinning).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, dll] : [process];
    }
}
