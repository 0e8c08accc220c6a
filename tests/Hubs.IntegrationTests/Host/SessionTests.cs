using System.Net;
using System.Net.Http.Json;
using Hubs.Server.Identity;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hubs.IntegrationTests.Host;

[Collection(HostCollection.Name)]
public sealed class SessionTests(HostFixture fixture)
{
    [Fact]
    public async Task Health_WhenStarted_IsOk()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("{\"status\":\"ok\"}", body);
    }

    [Fact]
    public async Task Login_SetsHostCookie_AndLogoutEndsSessionAndHubConnection()
    {
        using var client = fixture.Host.CreateClient();
        using var login = await client.SendAsync(
            HttpMethod.Post,
            "/api/v1/session",
            new { user = "Alice", password = HostFixture.Password });
        var session = await login.Content.ReadFromJsonAsync<SessionResponse>(
            ApiClient.Json,
            TestContext.Current.CancellationToken);
        var setCookie = string.Join(";", login.Headers.GetValues("Set-Cookie")).ToLowerInvariant();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("alice", session!.User);
        Assert.Equal("Alice", session.DisplayName);
        Assert.False(session.IsAdmin);
        Assert.False(string.IsNullOrEmpty(session.CsrfToken));
        Assert.Contains("__host-hubs-session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("secure", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/", setCookie, StringComparison.Ordinal);

        await client.LoginAsync("alice", HostFixture.Password);
        var me = await client.SendAsync<SessionResponse>(HttpMethod.Get, "/api/v1/session");
        Assert.Equal(client.CsrfToken, me.CsrfToken);
        await using var chat = client.CreateChatConnection();
        await chat.StartAsync();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        chat.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        var cookieHeader = client.Cookies.GetCookieHeader(fixture.Host.BaseAddress);

        using var logout = await client.SendAsync(HttpMethod.Delete, "/api/v1/session");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await closed.Task.WaitAsync(ChatConnection.Timeout, TestContext.Current.CancellationToken);
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/session");
        replay.Headers.Add("Cookie", cookieHeader);
        using var fresh = fixture.Host.CreateClient();
        using var afterLogout = await fresh.Http.SendAsync(replay, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownUser_AnswerIdentically()
    {
        using var client = fixture.Host.CreateClient();

        using var wrong = await client.SendAsync(
            HttpMethod.Post,
            "/api/v1/session",
            new { user = "alice", password = "not the password" });
        using var unknown = await client.SendAsync(
            HttpMethod.Post,
            "/api/v1/session",
            new { user = "nobody", password = "not the password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var wrongBody = await ProblemAsync(wrong);
        var unknownBody = await ProblemAsync(unknown);
        Assert.Equal(wrongBody.Type, unknownBody.Type);
        Assert.Equal(wrongBody.Detail, unknownBody.Detail);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task StateChange_WithoutOrWithWrongCsrfToken_IsForbidden()
    {
        using var missing = await fixture.Alice.SendAsync(
            HttpMethod.Post,
            "/api/v1/rooms",
            new { name = "no token", members = Array.Empty<string>() },
            csrf: false);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rooms")
        {
            Content = JsonContent.Create(new { name = "wrong token", members = Array.Empty<string>() }),
        };
        wrong.Headers.Add("X-CSRF-Token", "not-the-token");
        using var wrongResponse = await fixture.Alice.Http.SendAsync(wrong, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("https://hubs.example/problems/csrf-token", (await ProblemAsync(missing)).Type);
        Assert.Equal(HttpStatusCode.Forbidden, wrongResponse.StatusCode);
        var rooms = await fixture.Alice.SendAsync<RoomListItemShape[]>(HttpMethod.Get, "/api/v1/rooms");
        Assert.DoesNotContain(rooms, r => r.Name is "no token" or "wrong token");
    }

    [Fact]
    public async Task Api_WithoutSession_Answers401Problem()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/rooms");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://hubs.example/problems/not-logged-in", (await ProblemAsync(response)).Type);
    }

    [Fact]
    public async Task Hub_WithoutSession_IsRefused()
    {
        using var client = fixture.Host.CreateClient();
        await using var chat = client.CreateChatConnection();

        var error = await Assert.ThrowsAsync<HttpRequestException>(chat.StartAsync);

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, chat.Connection.State);
    }

    [Fact]
    public async Task CreateUser_ByNonAdmin_IsForbidden_AndBadInputIsRefused()
    {
        using var notAdmin = await fixture.Alice.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user = "mallory", password = "long enough", displayName = "M" });
        using var weak = await fixture.Admin.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user = "carol", password = "short", displayName = "C" });
        using var badName = await fixture.Admin.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user = "Carol Smith", password = "long enough", displayName = "C" });
        using var exists = await fixture.Admin.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user = "bob", password = "long enough", displayName = "B" });

        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, exists.StatusCode);
        var users = await fixture.Alice.SendAsync<UserResponse[]>(HttpMethod.Get, "/api/v1/users");
        Assert.Equal(["admin", "alice", "bob"], users.Select(u => u.User).Order().ToArray());
    }

    internal static async Task<ProblemShape> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemShape>(
            ApiClient.Json,
            TestContext.Current.CancellationToken))!;
}
