using System.Net;
using System.Net.Http.Json;
using Hubs.Contracts.Chat;
using Hubs.Server.Identity;

namespace Hubs.IntegrationTests.Host;

/// <summary>Tests that need accounts of their own or read the host's log: one host with captured logs.</summary>
public sealed class OwnHostTests(LoggedHostFixture fixture) : IClassFixture<LoggedHostFixture>
{
    private readonly CapturedLogs _logs = fixture.Logs;
    private readonly HubsTestHost _host = fixture.Host;
    private readonly ApiClient _admin = fixture.Admin;

    [Fact]
    public async Task DirectRooms_OfNamesWithDots_NeverShareAnId()
    {
        await Task.WhenAll(
            CreateUserAsync("ann.lee", HostFixture.Password),
            CreateUserAsync("kim", HostFixture.Password),
            CreateUserAsync("ann", HostFixture.Password),
            CreateUserAsync("lee.kim", HostFixture.Password));
        using var annLee = await _host.LoginAsync("ann.lee", HostFixture.Password);
        using var ann = await _host.LoginAsync("ann", HostFixture.Password);
        using var kim = await _host.LoginAsync("kim", HostFixture.Password);

        var first = await annLee.SendAsync<RoomInfo>(HttpMethod.Post, "/api/v1/direct", new { user = "kim" });
        using var second = await ann.SendAsync(HttpMethod.Post, "/api/v1/direct", new { user = "lee.kim" });

        await ApiClient.EnsureStatusAsync(second, HttpStatusCode.OK);
        var other = (await second.Content.ReadFromJsonAsync<RoomInfo>(
            ApiClient.Json,
            TestContext.Current.CancellationToken))!;
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(["ann", "lee.kim"], other.Members.Select(m => m.User).Order());
        var kimsRooms = await kim.SendAsync<RoomListItemShape[]>(HttpMethod.Get, "/api/v1/rooms");
        Assert.Equal(first.Id, Assert.Single(kimsRooms).Id);
    }

    [Fact]
    public async Task Logs_AtDebug_NeverHoldPasswordsTokensCookiesOrMessageText()
    {
        var marker = Guid.NewGuid().ToString("N");
        var password = "pw-" + marker;
        var wrongPassword = "wrong-" + marker;
        await CreateUserAsync("dana", password);
        using (var anonymous = _host.CreateClient())
        {
            using var wrong = await anonymous.SendAsync(
                HttpMethod.Post,
                "/api/v1/session",
                new { user = "dana", password = wrongPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            using var typed = await anonymous.SendAsync(
                HttpMethod.Post,
                "/api/v1/session",
                $"{{\"user\":\"dana\",\"password\":[\"{wrongPassword}\"]}}");
            Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        }

        using var dana = await _host.LoginAsync("dana", password);
        var cookie = dana.Cookies.GetCookies(_host.BaseAddress)[SessionService.CookieName]!.Value;
        var room = await _admin.CreateRoomAsync("secret talk", "dana");
        await using var chat = dana.CreateChatConnection();
        await chat.StartAsync();
        var message = await dana.PostMessageAsync(room.Id, "body-" + marker);
        await chat.NextRoomEventAsync(e => e.RoomId == room.Id && e.Seq == message.Seq);
        await dana.SendAsync<ChatMessage>(
            HttpMethod.Patch,
            $"/api/v1/rooms/{room.Id}/messages/{message.Seq}",
            new { text = "edit-" + marker });
        using var tooLong = await dana.SendAsync(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            new { clientId = "long", text = "long-" + marker + new string('x', ChatLimits.MaxMessageLength) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        using var malformed = await dana.SendAsync(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            $"{{\"clientId\":\"m\",\"text\":[\"json-{marker}\"]}}");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/read")
        {
            Content = JsonContent.Create(new { seq = 1 }),
        };
        forged.Headers.Add("X-CSRF-Token", "forged-" + marker);
        using var forgedResponse = await dana.Http.SendAsync(forged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        using var logout = await dana.SendAsync(HttpMethod.Delete, "/api/v1/session");
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        var lines = _logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("dana", StringComparison.Ordinal));
        string[] secrets = [marker, dana.CsrfToken!, cookie, SessionService.HashId(cookie), _host.AdminPassword];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task CreateUserAsync(string user, string password)
    {
        using var response = await _admin.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user, password, displayName = user });
        await ApiClient.EnsureStatusAsync(response, HttpStatusCode.Created);
    }
}
