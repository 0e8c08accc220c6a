using System.Diagnostics;
using System.Net.Security;
using System.Net.WebSockets;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// One raw WebSocket speaking the SignalR JSON protocol: it sends the handshake, then reads frames
/// and records the latency of every frame that carries a benchmark stamp. No stock SignalR client.
/// </summary>
public sealed class ReceiverConnection(DeliveryRecorder recorder) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private byte[] _buffer = new byte[16 * 1024];
    private Task _receiveLoop = Task.CompletedTask;

    public long Deliveries { get; private set; }

    /// <summary>Why the connection ended, when it ended before being disposed.</summary>
    public string? Failure { get; private set; }

    public bool IsOpen => _socket.State == WebSocketState.Open && Failure is null;

    public async Task ConnectAsync(Uri uri, string? cookie, CancellationToken cancellationToken)
    {
        // Loopback benchmark against a self-signed certificate.
        _socket.Options.RemoteCertificateValidationCallback = AcceptAnyCertificate;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (cookie is not null)
        {
            _socket.Options.SetRequestHeader("Cookie", cookie);
        }

        await _socket.ConnectAsync(uri, cancellationToken);
        await SendAsync(SignalRFrames.Handshake, cancellationToken);

        var (handshake, rest) = await ReadHandshakeAsync(cancellationToken);
        if (handshake.Contains("error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"SignalR handshake refused: {handshake}");
        }

        _receiveLoop = Task.Run(() => ReceiveLoopAsync(ProcessFrames(rest)), CancellationToken.None);
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The server may already be gone; nothing to clean up beyond the socket.
        }

        _socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private static bool AcceptAnyCertificate(
        object sender,
        System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain,
        SslPolicyErrors errors) => true;

    /// <summary>Reads the handshake answer; returns it and the length of what followed it.</summary>
    private async Task<(string Answer, int Remainder)> ReadHandshakeAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(filled), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The server closed the WebSocket during the handshake.");
            }

            filled += result.Count;
            var end = Array.IndexOf(_buffer, SignalRFrames.RecordSeparator, 0, filled);
            if (end >= 0)
            {
                var text = System.Text.Encoding.UTF8.GetString(_buffer, 0, end);
                var rest = filled - end - 1;
                Buffer.BlockCopy(_buffer, end + 1, _buffer, 0, rest);
                return (text, rest);
            }
        }
    }

    private async Task ReceiveLoopAsync(int filled)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(filled), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Failure = $"server closed the WebSocket ({_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    return;
                }

                filled += result.Count;
                filled = ProcessFrames(filled);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Failure = e.Message;
            }
        }
    }

    /// <summary>Handles every complete frame in the buffer and returns the length of the remainder.</summary>
    private int ProcessFrames(int filled)
    {
        var now = Stopwatch.GetTimestamp();
        var start = 0;
        while (true)
        {
            var span = _buffer.AsSpan(start, filled - start);
            var end = span.IndexOf(SignalRFrames.RecordSeparator);
            if (end < 0)
            {
                break;
            }

            var frame = span[..end];
            recorder.NoteFrame(now);
            if (BenchText.TryReadStamp(frame, out var sent))
            {
                Deliveries++;
                recorder.Record(sent, now);
            }
            else if (frame.IndexOf(SignalRFrames.CloseType) >= 0)
            {
                Failure = "server sent a SignalR close frame: " + System.Text.Encoding.UTF8.GetString(frame);
            }

            start += end + 1;
        }

        var rest = filled - start;
        if (rest > 0 && start > 0)
        {
            Buffer.BlockCopy(_buffer, start, _buffer, 0, rest);
        }

        return rest;
    }
}
