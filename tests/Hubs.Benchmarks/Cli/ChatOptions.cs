using System.Globalization;

namespace Hubs.Benchmarks.Cli;

/// <summary>Options of the <c>chat</c> benchmark.</summary>
public sealed record ChatOptions
{
    public const string Usage = """
        dotnet run -c Release --project tests/Hubs.Benchmarks -- chat [options]
          --duration <s>        measured seconds per step (default 8)
          --warmup <s>          unmeasured seconds at the step's rate before each step (default 2, first step >= 5)
          --members <n>         room members, one receiver WebSocket each (default 500)
          --steps <list>        offered deliveries/s, comma separated
                                (default 5000,10000,15000,20000,25000,30000,35000,40000,50000,60000)
          --senders <n>         sender sessions/sockets (default 4)
          --quiet-wait <s>      before each step, wait up to this long for other processes to go
                                quiet (under 15% of a core; default 60, 0 = do not wait)
          --all-steps           keep stepping after a step misses p99 <= 100 ms (default: stop)
          --skip-bare           do not run the bare SignalR server
          --skip-hubs           do not run the Hubs server
          --server-url <url>    use an already running Hubs (no build, no child process)
          --admin-password <p>  admin password for --server-url (default: read <data>/admin-password.txt)
          --data-dir <path>     data folder of the --server-url instance, to read the admin password
          --no-build            do not build Hubs.Server in Release first
          --no-pin              do not pin server (CPU 0) and load generator (CPU 1)
        """;

    public int DurationSeconds { get; init; } = 8;

    public int WarmupSeconds { get; init; } = 2;

    public int Members { get; init; } = 500;

    public IReadOnlyList<int> Steps { get; init; } =
        [5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 50_000, 60_000];

    public int Senders { get; init; } = 4;

    public int QuietWaitSeconds { get; init; } = 60;

    public bool AllSteps { get; init; }

    public bool SkipBare { get; init; }

    public bool SkipHubs { get; init; }

    public Uri? ServerUrl { get; init; }

    public string? AdminPassword { get; init; }

    public string? DataDirectory { get; init; }

    public bool NoBuild { get; init; }

    public bool NoPin { get; init; }

    /// <summary>The step whose p50/p99 the summary reports (5,000 deliveries/s, row 2 of perf.md).</summary>
    public int ReferenceStep => 5_000;

    public static ChatOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ChatOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt(int min, int max)
            {
                var name = args[i];
                var value = int.Parse(Next(), CultureInfo.InvariantCulture);
                return value >= min && value <= max
                    ? value
                    : throw new ArgumentException($"{name} must be between {min} and {max}");
            }

            options = args[i] switch
            {
                "--duration" => options with { DurationSeconds = NextInt(1, 120) },
                "--warmup" => options with { WarmupSeconds = NextInt(0, 60) },
                "--members" => options with { Members = NextInt(1, 5_000) },
                "--senders" => options with { Senders = NextInt(1, 64) },
                "--steps" => options with { Steps = ParseSteps(Next()) },
                "--quiet-wait" => options with { QuietWaitSeconds = NextInt(0, 600) },
                "--all-steps" => options with { AllSteps = true },
                "--skip-bare" => options with { SkipBare = true },
                "--skip-hubs" => options with { SkipHubs = true },
                "--server-url" => options with { ServerUrl = ParseLoopbackUrl(Next()) },
                "--admin-password" => options with { AdminPassword = Next() },
                "--data-dir" => options with { DataDirectory = Next() },
                "--no-build" => options with { NoBuild = true },
                "--no-pin" => options with { NoPin = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options.Senders > options.Members
            ? throw new ArgumentException("--senders cannot exceed --members")
            : options;
    }

    private static int[] ParseSteps(string text)
    {
        var steps = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .ToArray();
        return steps.Length is > 0 and <= 20 && steps.All(s => s is > 0 and <= 1_000_000)
            ? steps
            : throw new ArgumentException("--steps takes 1 to 20 rates between 1 and 1,000,000");
    }

    private static Uri ParseLoopbackUrl(string text)
    {
        var uri = new Uri(text, UriKind.Absolute);
        var loopback = uri.IsLoopback
            || (System.Net.IPAddress.TryParse(uri.Host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
        return loopback ? uri : throw new ArgumentException("--server-url must be a loopback address");
    }
}
