namespace Hubs.Benchmarks.Load;

/// <summary>
/// The receiver WebSockets of one run. Answers the server's keep-alive by sending a SignalR ping
/// from every connection every 10 s, so idle receivers are not timed out.
/// </summary>
public sealed class ReceiverPool : IAsyncDisposable
{
    private const int ConnectParallelism = 16;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private readonly List<ReceiverConnection> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _pingLoop = Task.CompletedTask;

    public ReceiverPool(DeliveryRecorder recorder) => Recorder = recorder;

    public DeliveryRecorder Recorder { get; }

    public IReadOnlyList<ReceiverConnection> Connections => _connections;

    /// <summary>Opens one connection per cookie (null: no cookie) to <paramref name="uri"/>.</summary>
    public async Task ConnectAsync(Uri uri, IReadOnlyList<string?> cookies, CancellationToken cancellationToken)
    {
        var connections = cookies.Select(_ => new ReceiverConnection(Recorder)).ToArray();
        _connections.AddRange(connections);
        await Parallel.ForAsync(
            0,
            connections.Length,
            new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (i, token) => await connections[i].ConnectAsync(uri, cookies[i], token));
        _pingLoop = Task.Run(PingLoopAsync, CancellationToken.None);
    }

    /// <summary>A description of the first broken connection, or null when all are open.</summary>
    public string? FirstFailure()
    {
        var broken = _connections.FirstOrDefault(c => !c.IsOpen);
        return broken is null
            ? null
            : $"{_connections.Count(c => !c.IsOpen)} receiver(s) disconnected, e.g.: {broken.Failure ?? "closed"}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pingLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Parallel.ForEachAsync(
            _connections,
            new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism },
            async (c, _) => await c.DisposeAsync());
        _stop.Dispose();
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var connection in _connections.Where(c => c.IsOpen))
                {
                    try
                    {
                        await connection.SendAsync(SignalRFrames.Ping, _stop.Token);
                    }
                    catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException)
                    {
                        // The receive loop records why the connection broke.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
