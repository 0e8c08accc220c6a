using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text.Json;

namespace Hubs.Cli;

/// <summary>
/// A small client of the public REST API: session cookie plus CSRF token, problem details turned
/// into readable errors, and certificate pinning for self-signed servers.
/// </summary>
internal sealed class HubsApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private string? _csrfToken;

    public HubsApiClient(Uri server, string? pin, bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || insecure
                    || (pin is not null && certificate is not null && Matches(certificate.GetRawCertData(), pin)),
            },
        };
        _http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<string> GetHealthAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync("/health", ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task LoginAsync(string user, string password, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/session", new { user, password }, Json, ct);
        await EnsureSuccessAsync(response, ct);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
        _csrfToken = session.GetProperty("csrfToken").GetString();
    }

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync("/api/v1/users", ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<List<UserSummary>>(Json, ct) ?? [];
    }

    public async Task CreateUserAsync(string user, string password, string displayName, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = JsonContent.Create(new { user, password, displayName }, options: Json),
        };
        request.Headers.Add("X-CSRF-Token", _csrfToken);
        using var response = await _http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
    }

    public void Dispose() => _http.Dispose();

    private static bool Matches(byte[] certificate, string pin)
    {
        var expected = pin.Replace(":", "", StringComparison.Ordinal).Trim();
        return string.Equals(Convert.ToHexString(SHA256.HashData(certificate)), expected,
            StringComparison.OrdinalIgnoreCase);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(ct);
        var detail = body;
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("detail", out var d) && d.GetString() is { Length: > 0 } text)
            {
                detail = text;
            }
            else if (problem.RootElement.TryGetProperty("title", out var t))
            {
                detail = t.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
            // Not a problem document; show the status alone.
            detail = "";
        }

        throw new CliException($"{(int)response.StatusCode} {response.ReasonPhrase}. {detail}".TrimEnd());
    }
}
