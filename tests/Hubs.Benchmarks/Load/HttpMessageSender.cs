using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hubs.Benchmarks.Servers;

namespace Hubs.Benchmarks.Load;

/// <summary>
/// Posts messages with <c>POST /api/v1/rooms/{id}/messages</c> from a few sender sessions over a
/// pool of HTTP/1.1 keep-alive connections. Bodies are built once and patched (stamp, clientId).
/// </summary>
public sealed class HttpMessageSender : IMessageSender
{
    private const int ClientIdDigits = 10;
    private const int MaxInFlight = 64;

    private readonly HttpClient _http;
    private readonly Uri _messagesUri;
    private readonly IReadOnlyList<HubsSession> _sessions;
    private readonly byte[] _template;
    private readonly int _stampOffset;
    private readonly int _clientIdOffset;
    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    private long _failures;
    private long _inFlight;

    public HttpMessageSender(HttpClient http, Uri baseUri, string roomId, IReadOnlyList<HubsSession> sessions)
    {
        _http = http;
        _sessions = sessions;
        _messagesUri = new Uri(baseUri, $"/api/v1/rooms/{Uri.EscapeDataString(roomId)}/messages");
        var run = Guid.NewGuid().ToString("N")[..8];
        var body = "{\"clientId\":\"bench-" + run + "-" + new string('0', ClientIdDigits) + "\",\"text\":"
            + JsonSerializer.Serialize(BenchText.Template()) + "}";
        _template = Encoding.UTF8.GetBytes(body);
        _clientIdOffset = body.IndexOf(new string('0', ClientIdDigits), StringComparison.Ordinal);
        _stampOffset = _template.AsSpan().IndexOf(BenchText.Marker) + BenchText.Marker.Length;
    }

    public string Description =>
        $"POST /api/v1/rooms/{{id}}/messages from {_sessions.Count} session(s), at most {MaxInFlight} in flight";

    public long Failures => Interlocked.Read(ref _failures);

    public long InFlight => Interlocked.Read(ref _inFlight);

    public string? LastError { get; private set; }

    public async ValueTask<long> SendAsync(long index, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var body = (byte[])_template.Clone();
        BenchText.WriteDigits(body.AsSpan(_clientIdOffset, ClientIdDigits), index);
        var stamp = Stopwatch.GetTimestamp();
        BenchText.WriteStamp(body.AsSpan(_stampOffset), stamp);
        Interlocked.Increment(ref _inFlight);
        _ = PostAsync(_sessions[(int)(index % _sessions.Count)], body);
        return stamp;
    }

    private async Task PostAsync(HubsSession session, byte[] body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _messagesUri);
            request.Headers.Add("Cookie", session.Cookie);
            request.Headers.Add("X-CSRF-Token", session.CsrfToken);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failures);
                LastError = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failures);
            LastError = e.Message;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }
}
