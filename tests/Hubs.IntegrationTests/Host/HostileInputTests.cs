using System.Net;
using System.Net.Http.Json;
using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Host;

/// <summary>What a hostile or unlucky client sends, against the shared host.</summary>
[Collection(HostCollection.Name)]
public sealed class HostileInputTests(HostFixture fixture)
{
    [Fact]
    public async Task ConcurrentPosts_WithOneClientId_StoreOneMessage_AndExactlyOneAnswerIs201()
    {
        var room = await fixture.Alice.CreateRoomAsync("same client id", "bob");
        var body = new { clientId = "burst-1", text = "sent by an impatient client" };

        // Open the connections first, so the posts race each other rather than TLS handshakes.
        foreach (var warm in await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            fixture.Alice.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}"))))
        {
            warm.Dispose();
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            fixture.Alice.SendAsync(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/messages", body)));
        var statuses = responses.Select(r => r.StatusCode).ToArray();
        var messages = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<ChatMessage>(
            ApiClient.Json,
            TestContext.Current.CancellationToken)));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Single(messages.Select(m => m!.Seq).Distinct());
        var page = await fixture.Alice.GetMessagesAsync(room.Id, $"?after={room.LastSeq}");
        Assert.Equal(messages[0]!.Seq, Assert.Single(page.Messages).Seq);
    }

    [Fact]
    public async Task ConcurrentDirectOpen_FromBothSides_GivesOneRoom()
    {
        var fromAlice = fixture.Alice.SendAsync<RoomInfo>(HttpMethod.Post, "/api/v1/direct", new { user = "bob" });
        var fromBob = fixture.Bob.SendAsync<RoomInfo>(HttpMethod.Post, "/api/v1/direct", new { user = "alice" });
        var rooms = await Task.WhenAll(fromAlice, fromBob);

        Assert.Equal(rooms[0].Id, rooms[1].Id);
        Assert.Equal(RoomKind.Direct, rooms[0].Kind);
        var page = await fixture.Alice.GetMessagesAsync(rooms[0].Id, "?after=0");
        Assert.Single(page.Messages, m => m.Kind == MessageKind.System);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("%01%02")]
    [InlineData("%F0%9F%91%8D%F0%9F%91%8D")]
    [InlineData("a")]
    public async Task Reaction_ThatIsNotOneEmoji_Is400_AndChangesNothing(string emoji)
    {
        var room = await fixture.Alice.CreateRoomAsync("reactions", "bob");
        var message = await fixture.Alice.PostMessageAsync(room.Id, "react to me");

        using var response = await fixture.Bob.SendAsync(
            HttpMethod.Put,
            $"/api/v1/rooms/{room.Id}/messages/{message.Seq}/reactions/{emoji}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://hubs.example/problems/invalid", (await SessionTests.ProblemAsync(response)).Type);
        var page = await fixture.Alice.GetMessagesAsync(room.Id, $"?after={message.Seq - 1}");
        Assert.Empty(Assert.Single(page.Messages).Reactions);
    }

    [Theory]
    [InlineData("%F0%9F%91%8D")]
    [InlineData("%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7")]
    [InlineData("%F0%9F%87%A9%F0%9F%87%AA")]
    [InlineData("%E2%9D%A4%EF%B8%8F")]
    [InlineData("1%EF%B8%8F%E2%83%A3")]
    public async Task Reaction_WithOneEmoji_IsStored(string emoji)
    {
        var room = await fixture.Alice.CreateRoomAsync("emoji", "bob");
        var message = await fixture.Alice.PostMessageAsync(room.Id, "react to me");

        var reacted = await fixture.Bob.SendAsync<ChatMessage>(
            HttpMethod.Put,
            $"/api/v1/rooms/{room.Id}/messages/{message.Seq}/reactions/{emoji}");

        Assert.Equal(Uri.UnescapeDataString(emoji), Assert.Single(reacted.Reactions).Emoji);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("nul\0inside")]
    [InlineData("evil\u202Egpj.exe")]
    public async Task Names_WithHiddenCharacters_Are400(string name)
    {
        var room = await fixture.Alice.CreateRoomAsync("plain name", "bob");

        using var create = await fixture.Alice.SendAsync(HttpMethod.Post, "/api/v1/rooms", new { name });
        using var rename = await fixture.Alice.SendAsync(HttpMethod.Patch, $"/api/v1/rooms/{room.Id}", new { name });
        using var user = await fixture.Admin.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user = "hidden", password = HostFixture.Password, displayName = name });

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        var now = await fixture.Alice.SendAsync<RoomInfo>(HttpMethod.Get, $"/api/v1/rooms/{room.Id}");
        Assert.Equal("plain name", now.Name);
    }

    [Fact]
    public async Task ConcurrentAddAndRemove_LeaveRoomAndListInAgreement()
    {
        var room = await fixture.Alice.CreateRoomAsync("churn");

        for (var round = 0; round < 4; round++)
        {
            var add = fixture.Alice.SendAsync(
                HttpMethod.Post,
                $"/api/v1/rooms/{room.Id}/members",
                new { users = new[] { "bob" } });
            var remove = fixture.Alice.SendAsync(HttpMethod.Delete, $"/api/v1/rooms/{room.Id}/members/bob");
            foreach (var response in await Task.WhenAll(add, remove))
            {
                Assert.True(
                    response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
                    $"unexpected {(int)response.StatusCode}");
                response.Dispose();
            }
        }

        var now = await fixture.Alice.SendAsync<RoomInfo>(HttpMethod.Get, $"/api/v1/rooms/{room.Id}");
        var bobsRooms = await fixture.Bob.SendAsync<RoomListItemShape[]>(HttpMethod.Get, "/api/v1/rooms");
        using var bobReads = await fixture.Bob.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}/messages");
        var bobIsMember = now.Members.Any(m => m.User == "bob");
        Assert.Equal(bobIsMember, bobsRooms.Any(r => r.Id == room.Id));
        Assert.Equal(bobIsMember ? HttpStatusCode.OK : HttpStatusCode.NotFound, bobReads.StatusCode);
        var page = await fixture.Alice.GetMessagesAsync(room.Id, "?after=0&limit=500");
        Assert.Equal(now.LastSeq, page.LastSeq);
        Assert.Equal(page.Messages.Select(m => m.Seq).Distinct().Count(), page.Messages.Length);
    }

    [Fact]
    public async Task WrongMethodOrContentTypeOrUnknownRoute_AnswerProblemDetails_405_415_404()
    {
        var room = await fixture.Alice.CreateRoomAsync("routes", "bob");

        using var wrongMethod = await fixture.Alice.SendAsync(HttpMethod.Put, "/api/v1/rooms");
        using var form = await fixture.Alice.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/messages")
            {
                Content = new FormUrlEncodedContent([new("clientId", "f"), new("text", "form post")]),
                Headers = { { "X-CSRF-Token", fixture.Alice.CsrfToken } },
            },
            TestContext.Current.CancellationToken);
        using var unknownPost = await fixture.Alice.SendAsync(HttpMethod.Post, "/api/v1/nothing", new { });
        using var unknownGet = await fixture.Alice.SendAsync(HttpMethod.Get, "/api/v1/nothing");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, unknownPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownGet.StatusCode);
        foreach (var response in new[] { wrongMethod, form, unknownPost, unknownGet })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await SessionTests.ProblemAsync(response);
            Assert.Equal((int)response.StatusCode, problem.Status);
            Assert.StartsWith("https://hubs.example/problems/", problem.Type, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(problem.Title));
            Assert.False(string.IsNullOrEmpty(problem.Detail));
        }

        await AssertNothingPostedAsync(room);
    }

    private async Task AssertNothingPostedAsync(RoomInfo room)
    {
        var now = await fixture.Alice.SendAsync<RoomInfo>(HttpMethod.Get, $"/api/v1/rooms/{room.Id}");
        Assert.Equal(room.LastSeq, now.LastSeq);
    }
}
