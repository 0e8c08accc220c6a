using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hubs.Contracts.Chat;
using Hubs.Server.Identity;

namespace Hubs.IntegrationTests.Host;

/// <summary>One user's HTTP client: cookie jar, CSRF token and typed calls of the REST API.</summary>
public sealed class ApiClient(HubsTestHost host, HttpClient http, CookieContainer cookies) : IDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public HttpClient Http { get; } = http;

    public CookieContainer Cookies { get; } = cookies;

    public string? CsrfToken { get; private set; }

    public string User { get; private set; } = string.Empty;

    public async Task<SessionResponse> LoginAsync(string user, string password)
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/session", new { user, password }, Json);
        await EnsureStatusAsync(response, HttpStatusCode.OK);
        var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(Json))!;
        CsrfToken = session.CsrfToken;
        User = session.User;
        return session;
    }

    /// <summary>Sends a request; state-changing ones carry the CSRF token unless told otherwise.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool csrf = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (csrf && CsrfToken is not null && method != HttpMethod.Get)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends and reads the answer as <typeparamref name="T"/>; else fails with the problem text.</summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        object? body = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, body);
        await EnsureStatusAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json, TestContext.Current.CancellationToken))!;
    }

    public Task<RoomInfo> CreateRoomAsync(string name, params string[] members) =>
        SendAsync<RoomInfo>(HttpMethod.Post, "/api/v1/rooms", new { name, members }, HttpStatusCode.Created);

    public Task<ChatMessage> PostMessageAsync(string roomId, string text, string? clientId = null) =>
        SendAsync<ChatMessage>(
            HttpMethod.Post,
            $"/api/v1/rooms/{roomId}/messages",
            new { clientId = clientId ?? Guid.NewGuid().ToString("N"), text },
            HttpStatusCode.Created);

    public Task<MessagePage> GetMessagesAsync(string roomId, string query = "") =>
        SendAsync<MessagePage>(HttpMethod.Get, $"/api/v1/rooms/{roomId}/messages{query}");

    /// <summary>A SignalR connection to <c>/hubs/chat</c> with this client's cookie and trust.</summary>
    public ChatConnection CreateChatConnection() => new(host, Cookies);

    public static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }
    }

    public void Dispose() => Http.Dispose();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
