using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hubs.Benchmarks.Servers;

/// <summary>The few calls of the Hubs HTTP API (docs/http-api.md) that the benchmark needs.</summary>
public sealed class HubsApiClient(HttpClient http, Uri baseUri)
{
    public const string SessionCookie = "__Host-hubs-session";

    public async Task<HubsSession> LoginAsync(string user, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri(baseUri, "/api/v1/session"), new { user, password }, cancellationToken);
        await EnsureAsync(response, $"log in as {user}", cancellationToken);

        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(ParseSessionCookie).FirstOrDefault(c => c is not null)
            : null;
        if (cookie is null)
        {
            throw new InvalidOperationException($"Login as {user} set no {SessionCookie} cookie.");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var csrf = body.RootElement.GetProperty("csrfToken").GetString()
            ?? throw new InvalidOperationException("Login answered no csrfToken.");
        return new HubsSession(user, cookie, csrf);
    }

    /// <summary>Creates a user; an existing one (409, from an earlier run) is fine.</summary>
    public async Task CreateUserAsync(
        HubsSession admin,
        string user,
        string password,
        CancellationToken cancellationToken)
    {
        using var request = Post(admin, "/api/v1/users", new { user, password, displayName = user });
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            await EnsureAsync(response, $"create user {user}", cancellationToken);
        }
    }

    /// <summary>Creates a group room owned by <paramref name="owner"/> and returns its id.</summary>
    public async Task<string> CreateRoomAsync(
        HubsSession owner,
        string name,
        IReadOnlyList<string> members,
        CancellationToken cancellationToken)
    {
        using var request = Post(owner, "/api/v1/rooms", new { name, members });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, "create the room", cancellationToken);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var id = body.RootElement.GetProperty("id");
        return id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
    }

    private static string? ParseSessionCookie(string header)
    {
        var pair = header.Split(';', 2)[0].Trim();
        return pair.StartsWith(SessionCookie + "=", StringComparison.Ordinal) ? pair : null;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken token)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(token);
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {detail}");
        }
    }

    private HttpRequestMessage Post(HubsSession session, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, path))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("Cookie", session.Cookie);
        request.Headers.Add("X-CSRF-Token", session.CsrfToken);
        return request;
    }
}
