using System.Diagnostics;
using System.Globalization;
using Hubs.Benchmarks.Cli;
using Hubs.Benchmarks.Load;
using Hubs.Benchmarks.Servers;

namespace Hubs.Benchmarks.Chat;

/// <summary>
/// Runs the load against the real Hubs server: a fresh Release build in a child process with its
/// own data folder (or an already running instance), 500 accounts, one room, one socket per member.
/// </summary>
public static class HubsTarget
{
    private const string UserPassword = "bench-password-0001";
    private const int SetupParallelism = 8;
    private const int SenderConnections = 32;

    public static async Task RunAsync(ChatOptions options, int? cpu, ServerRun run, CancellationToken token)
    {
        if (options.ServerUrl is { } url)
        {
            run.Notes.Add($"server: already running at {url} (not started, not pinned by this run)");
            var password = options.AdminPassword
                ?? await ReadAdminPasswordAsync(options.DataDirectory
                    ?? throw new ArgumentException("--server-url needs --admin-password or --data-dir"), token);
            await RunAgainstAsync(options, url, password, null, run, token);
            return;
        }

        var root = RepoLocator.FindRoot();
        if (!options.NoBuild)
        {
            await BuildServerAsync(root, run, token);
        }

        var dll = Path.Combine(root, "src", "Hubs.Server", "bin", "Release", "net10.0", "Hubs.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing; build Hubs.Server in Release first.");
        }

        var port = LoopbackPorts.GetFree();
        var siloPort = LoopbackPorts.GetFree();
        var data = Directory.CreateTempSubdirectory("hubs-bench-data-").FullName;
        var log = Path.Combine(Path.GetTempPath(), $"hubs-bench-server-{port}.log");
        var baseUri = new Uri($"https://127.0.0.1:{port}");
        string[] arguments =
        [
            dll,
            "--urls", baseUri.ToString().TrimEnd('/'),
            $"--Hubs:DataDirectory={data}",
            $"--Hubs:Orleans:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}",
            "--Hubs:Passwords:MemoryKiB=1024",
            "--Hubs:Passwords:Iterations=1",
            "--Logging:LogLevel:Default=Warning",
        ];
        var shown = arguments.Select(a => a.Replace(root, ".", StringComparison.Ordinal));
        run.Notes.Add($"server: dotnet {string.Join(' ', shown)}");
        run.Notes.Add("Argon2id lowered to 1 MiB / 1 iteration ONLY to create and log in the benchmark's accounts " +
            "quickly; it does not touch the measured message path");
        run.Notes.Add($"fresh data folder {data}, server log {log}");

        try
        {
            await using var server = ChildServer.Start("dotnet", arguments, cpu, log);
            await server.WaitHealthyAsync(baseUri, TimeSpan.FromSeconds(90), token);
            var password = await ReadAdminPasswordAsync(data, token);
            await RunAgainstAsync(options, baseUri, password, server.ProcessId, run, token);
            if (server.HasExited)
            {
                run.Error ??= "the server exited during the run; log tail:\n" + server.Tail();
            }
        }
        finally
        {
            TryDelete(data);
        }
    }

    private static async Task RunAgainstAsync(
        ChatOptions options,
        Uri baseUri,
        string adminPassword,
        int? serverPid,
        ServerRun run,
        CancellationToken token)
    {
        using var http = InsecureLoopbackHttp.Create(SenderConnections);
        var api = new HubsApiClient(http, baseUri);
        var clock = Stopwatch.StartNew();

        var admin = await api.LoginAsync("admin", adminPassword, token);
        var users = Enumerable.Range(0, options.Members).Select(i => $"u{i:D3}").ToArray();
        Console.WriteLine($"[{run.Name}] creating {users.Length} accounts...");
        await Parallel.ForEachAsync(
            users,
            new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = token },
            async (user, t) => await api.CreateUserAsync(admin, user, UserPassword, t));

        Console.WriteLine($"[{run.Name}] logging {users.Length} accounts in...");
        var sessions = new HubsSession[users.Length];
        await Parallel.ForAsync(
            0,
            users.Length,
            new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = token },
            async (i, t) => sessions[i] = await api.LoginAsync(users[i], UserPassword, t));

        var roomName = $"bench-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}";
        var roomId = await api.CreateRoomAsync(sessions[0], roomName, users[1..], token);
        run.Notes.Add(
            $"setup: {users.Length} accounts, sessions and room {roomId} in {clock.Elapsed.TotalSeconds:N1} s");

        await using var receivers = new ReceiverPool(new DeliveryRecorder());
        Console.WriteLine($"[{run.Name}] connecting {users.Length} receivers to /hubs/chat...");
        var hubUri = new Uri($"wss://{baseUri.Authority}/hubs/chat");
        await receivers.ConnectAsync(hubUri, sessions.Select(s => (string?)s.Cookie).ToArray(), token);

        // perf.md rule 4: let the join traffic settle before measuring.
        await StepRunner.WaitQuietAsync(receivers.Recorder, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), token);

        var sender = new HttpMessageSender(http, baseUri, roomId, sessions.Take(options.Senders).ToArray());
        await ChatBenchmark.RunStepsAsync(options, run, sender, receivers, serverPid, token);
        if (sender.LastError is { } error)
        {
            run.Notes.Add($"last send error: {error}");
        }
    }

    private static async Task<string> ReadAdminPasswordAsync(string dataDirectory, CancellationToken token)
    {
        var file = Path.Combine(dataDirectory, "admin-password.txt");
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (!File.Exists(file))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new FileNotFoundException($"{file} did not appear.");
            }

            await Task.Delay(100, token);
        }

        return (await File.ReadAllTextAsync(file, token)).Trim();
    }

    private static async Task BuildServerAsync(string root, ServerRun run, CancellationToken token)
    {
        Console.WriteLine("[Hubs] building src/Hubs.Server in Release (without the web app)...");
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
            {
                "build", "src/Hubs.Server/Hubs.Server.csproj", "-c", "Release", "-p:HubsSkipWebBuild=true",
                "-nologo", "-v", "q",
            })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("HUBS_BENCH_PINNED");
        using var build = Process.Start(info) ?? throw new InvalidOperationException("dotnet build did not start");
        var output = build.StandardOutput.ReadToEndAsync(token);
        var errors = build.StandardError.ReadToEndAsync(token);
        await build.WaitForExitAsync(token);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"building Hubs.Server failed:\n{await output}\n{await errors}");
        }

        run.Notes.Add("built src/Hubs.Server in Release with -p:HubsSkipWebBuild=true (the browser app is not needed)");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
