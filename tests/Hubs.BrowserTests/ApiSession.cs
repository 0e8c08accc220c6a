using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hubs.BrowserTests;

/// <summary>A logged-in HTTP client for setting up data through the public API.</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _csrfToken;

    private ApiSession(HttpClient http, string csrfToken)
    {
        _http = http;
        _csrfToken = csrfToken;
    }

    public static HttpClient NewClient(Uri baseAddress) =>
        new(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static async Task<ApiSession> LoginAsync(Uri baseAddress, string user, string password, CancellationToken ct)
    {
        var http = NewClient(baseAddress);
        using var response = await http.PostAsJsonAsync("/api/v1/session", new { user, password }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return new ApiSession(http, body.GetProperty("csrfToken").GetString()!);
    }

    public Task<JsonElement> PostAsync(string path, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, body, ct);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF-Token", _csrfToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
