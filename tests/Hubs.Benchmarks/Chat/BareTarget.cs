using Hubs.Benchmarks.Cli;
using Hubs.Benchmarks.Load;
using Hubs.Benchmarks.Servers;

namespace Hubs.Benchmarks.Chat;

/// <summary>Runs the load against the bare SignalR broadcast server in a child process.</summary>
public static class BareTarget
{
    public static async Task RunAsync(ChatOptions options, int? cpu, ServerRun run, CancellationToken token)
    {
        var port = LoopbackPorts.GetFree();
        var self = CpuPinning.SelfCommand();
        var log = Path.Combine(Path.GetTempPath(), $"hubs-bench-bare-{port}.log");
        string[] arguments = [.. self.Skip(1), "bare-server", "--port", port.ToString(
            System.Globalization.CultureInfo.InvariantCulture)];
        await using var server = ChildServer.Start(self[0], arguments, cpu, log);
        var baseUri = new Uri($"https://127.0.0.1:{port}");
        await server.WaitHealthyAsync(baseUri, TimeSpan.FromSeconds(30), token);
        run.Notes.Add($"server: {baseUri}hub, HTTPS (self-signed), default SignalR options, log {log}");

        await using var receivers = new ReceiverPool(new DeliveryRecorder());
        var cookies = Enumerable.Repeat<string?>(null, options.Members).ToArray();
        Console.WriteLine($"[{run.Name}] connecting {options.Members} receivers...");
        await receivers.ConnectAsync(new Uri($"wss://127.0.0.1:{port}/hub"), cookies, token);

        // Senders are members too, as in Hubs: Clients.All reaches exactly the receivers.
        var sender = new WebSocketSender(receivers.Connections.Take(options.Senders).ToArray());
        await StepRunner.WaitQuietAsync(receivers.Recorder, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), token);
        await ChatBenchmark.RunStepsAsync(options, run, sender, receivers, server.ProcessId, token);
    }
}
