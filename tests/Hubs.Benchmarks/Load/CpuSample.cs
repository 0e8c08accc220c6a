using System.Globalization;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// CPU seconds used so far by the whole machine, the load generator and the server under test (Linux
/// /proc), so a step can show how much CPU other processes took: a fair run needs a quiet machine.
/// </summary>
public readonly record struct CpuSample(double MachineSeconds, double ClientSeconds, double? ServerSeconds)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux.

    public static CpuSample Take(int? serverPid) => new(
        MachineBusySeconds(),
        System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        serverPid is { } pid ? ProcessSeconds(pid) : null);

    /// <summary>Busy time of all CPUs (user, nice, system, irq, softirq, steal) from /proc/stat.</summary>
    private static double MachineBusySeconds()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Parse).ToArray();
            return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>utime + stime of a process from /proc/{pid}/stat.</summary>
    private static double? ProcessSeconds(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");

            // The command name may hold spaces; the fields after it are space separated.
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (Parse(f[11]) + Parse(f[12])) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
