using System.Net;
using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Host;

[Collection(HostCollection.Name)]
public sealed class BadInputTests(HostFixture fixture)
{
    [Fact]
    public async Task Post_TooLongText_Is413_AndStoresNothing()
    {
        var room = await fixture.Alice.CreateRoomAsync("too long", "bob");

        using var response = await fixture.Alice.SendAsync(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            new { clientId = "long-1", text = new string('x', ChatLimits.MaxMessageLength + 1) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("https://hubs.example/problems/too-large", (await SessionTests.ProblemAsync(response)).Type);
        await AssertLastSeqAsync(room);
    }

    [Fact]
    public async Task Post_BodyOverTheCap_Is413()
    {
        var room = await fixture.Alice.CreateRoomAsync("huge body", "bob");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/messages")
        {
            Content = new StringContent(
                $"{{\"clientId\":\"huge\",\"text\":\"{new string('y', 300 * 1024)}\"}}",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", fixture.Alice.CsrfToken);

        // The server refuses on the declared length; waiting for "100 Continue" keeps the client from
        // still writing the body when the connection closes after the 413.
        request.Headers.ExpectContinue = true;
        using var response = await fixture.Alice.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertLastSeqAsync(room);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task Post_EmptyText_Is400(string text)
    {
        var room = await fixture.Alice.CreateRoomAsync("empty", "bob");

        using var response = await fixture.Alice.SendAsync(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            new { clientId = "empty-1", text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://hubs.example/problems/invalid", (await SessionTests.ProblemAsync(response)).Type);
        await AssertLastSeqAsync(room);
    }

    [Theory]
    [InlineData("{\"clientId\":\"x\",\"text\":")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"clientId\":17,\"text\":\"number as id\"}")]
    public async Task Post_MalformedBody_Is400Problem(string body)
    {
        var room = await fixture.Alice.CreateRoomAsync("malformed", "bob");

        using var response = await fixture.Alice.SendAsync(HttpMethod.Post, $"/api/v1/rooms/{room.Id}/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SessionTests.ProblemAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Detail));
        await AssertLastSeqAsync(room);
    }

    [Fact]
    public async Task UnknownRoom_Is404()
    {
        using var get = await fixture.Alice.SendAsync(HttpMethod.Get, "/api/v1/rooms/r.doesnotexist");
        using var post = await fixture.Alice.SendAsync(
            HttpMethod.Post,
            "/api/v1/rooms/r.doesnotexist/messages",
            new { clientId = "c", text = "hello?" });
        using var weird = await fixture.Alice.SendAsync(HttpMethod.Get, "/api/v1/rooms/%2F..%2Fetc/messages");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("https://hubs.example/problems/not-found", (await SessionTests.ProblemAsync(get)).Type);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, weird.StatusCode);
    }

    [Fact]
    public async Task NonMember_GetsNotFound_ForTheRoomAndItsMessages()
    {
        var room = await fixture.Alice.CreateRoomAsync("private");

        using var get = await fixture.Bob.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}");
        using var read = await fixture.Bob.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}/messages");
        using var post = await fixture.Bob.SendAsync(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            new { clientId = "sneak", text = "let me in" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await AssertLastSeqAsync(room);
    }

    [Fact]
    public async Task Post_RetryWithSameClientId_ReturnsTheSameMessageWith200()
    {
        var room = await fixture.Alice.CreateRoomAsync("retry", "bob");
        var body = new { clientId = "retry-1", text = "only once" };

        var first = await fixture.Alice.SendAsync<ChatMessage>(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            body,
            HttpStatusCode.Created);
        var retry = await fixture.Alice.SendAsync<ChatMessage>(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            body,
            HttpStatusCode.OK);

        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal(first.CreatedAt, retry.CreatedAt);
        var page = await fixture.Alice.GetMessagesAsync(room.Id, $"?after={room.LastSeq}");
        Assert.Equal(first.Seq, Assert.Single(page.Messages).Seq);
    }

    [Fact]
    public async Task Query_WithBadNumbers_Is400()
    {
        var room = await fixture.Alice.CreateRoomAsync("queries");

        using var text = await fixture.Alice.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}/messages?after=abc");
        using var both = await fixture.Alice.SendAsync(
            HttpMethod.Get,
            $"/api/v1/rooms/{room.Id}/messages?after=1&before=5");
        using var zero = await fixture.Alice.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}/messages?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }

    private async Task AssertLastSeqAsync(RoomInfo room)
    {
        var now = await fixture.Alice.SendAsync<RoomInfo>(HttpMethod.Get, $"/api/v1/rooms/{room.Id}");
        Assert.Equal(room.LastSeq, now.LastSeq);
    }
}
