using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// Invokes the bare hub's <c>Send(text)</c> over existing receiver sockets, round-robin, with a
/// pre-encoded non-blocking invocation frame whose stamp is patched in place.
/// </summary>
public sealed class WebSocketSender : IMessageSender
{
    private readonly ReceiverConnection[] _connections;
    private readonly byte[][] _frames;
    private readonly int _stampOffset;
    private long _failures;

    public WebSocketSender(IReadOnlyList<ReceiverConnection> connections)
    {
        _connections = [.. connections];
        var text = JsonSerializer.Serialize(BenchText.Template());
        var frame = Encoding.UTF8.GetBytes(
            "{\"type\":1,\"target\":\"Send\",\"arguments\":[" + text + "]}\u001e");
        _stampOffset = frame.AsSpan().IndexOf(BenchText.Marker) + BenchText.Marker.Length;
        _frames = [.. _connections.Select(_ => (byte[])frame.Clone())];
    }

    public string Description => $"hub invocation Send(text) over {_connections.Length} WebSocket(s)";

    public long Failures => Interlocked.Read(ref _failures);

    public long InFlight => 0;

    public async ValueTask<long> SendAsync(long index, CancellationToken cancellationToken)
    {
        var slot = (int)(index % _connections.Length);
        var frame = _frames[slot];
        var stamp = Stopwatch.GetTimestamp();
        BenchText.WriteStamp(frame.AsSpan(_stampOffset), stamp);
        try
        {
            await _connections[slot].SendAsync(frame, cancellationToken);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException)
        {
            Interlocked.Increment(ref _failures);
        }

        return stamp;
    }
}
