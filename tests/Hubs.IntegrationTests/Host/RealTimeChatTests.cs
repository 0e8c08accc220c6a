using System.Net;
using Hubs.Contracts.Chat;
using Hubs.Contracts.Identity;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hubs.IntegrationTests.Host;

[Collection(HostCollection.Name)]
public sealed class RealTimeChatTests(HostFixture fixture)
{
    [Fact]
    public async Task Post_ReachesBothConnectedMembers_AfterTheyJoinTheNewRoom()
    {
        await using var alice = fixture.Alice.CreateChatConnection();
        await using var bob = fixture.Bob.CreateChatConnection();
        await Task.WhenAll(alice.StartAsync(), bob.StartAsync());

        var room = await fixture.Alice.CreateRoomAsync("live", "bob");
        await bob.NextUserEventAsync(e => e.RoomId == room.Id && e.Kind == UserEventKind.RoomJoined);
        await alice.NextUserEventAsync(e => e.RoomId == room.Id && e.Kind == UserEventKind.RoomJoined);
        var posted = await fixture.Alice.PostMessageAsync(room.Id, "hello @bob");

        var atBob = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.MessagePosted);
        var atAlice = await alice.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.MessagePosted);
        Assert.Equal(posted.Seq, atBob.Seq);
        Assert.Equal("hello @bob", atBob.Message!.Text);
        Assert.Equal("alice", atBob.Message.Sender);
        Assert.Equal(["bob"], atBob.Message.Mentions);
        Assert.Equal(posted.Seq, atAlice.Message!.Seq);
    }

    [Fact]
    public async Task EditReactAndDelete_ArriveAsEventsWithConsecutiveSeqs()
    {
        var room = await fixture.Alice.CreateRoomAsync("changes", "bob");
        await using var bob = fixture.Bob.CreateChatConnection();
        await bob.StartAsync();
        var posted = await fixture.Alice.PostMessageAsync(room.Id, "first draft");
        await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Seq == posted.Seq);

        await fixture.Alice.SendAsync<ChatMessage>(
            HttpMethod.Patch,
            $"/api/v1/rooms/{room.Id}/messages/{posted.Seq}",
            new { text = "final text" });
        var edited = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.MessageEdited);
        await fixture.Bob.SendAsync<ChatMessage>(
            HttpMethod.Put,
            $"/api/v1/rooms/{room.Id}/messages/{posted.Seq}/reactions/{Uri.EscapeDataString("👍")}");
        var reacted = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.ReactionChanged);
        await fixture.Alice.SendAsync<ChatMessage>(HttpMethod.Delete, $"/api/v1/rooms/{room.Id}/messages/{posted.Seq}");
        var deleted = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.MessageDeleted);

        Assert.Equal("final text", edited.Message!.Text);
        Assert.NotNull(edited.Message.EditedAt);
        Assert.Equal(posted.Seq + 1, edited.Seq);
        var reaction = Assert.Single(reacted.Message!.Reactions);
        Assert.Equal("👍", reaction.Emoji);
        Assert.Equal(["bob"], reaction.Users);
        Assert.Equal(posted.Seq + 2, reacted.Seq);
        Assert.True(deleted.Message!.Deleted);
        Assert.Equal(string.Empty, deleted.Message.Text);
        Assert.Equal(posted.Seq + 3, deleted.Seq);
        Assert.All(new[] { edited, reacted, deleted }, e => Assert.Equal(posted.Seq, e.Message!.Seq));
    }

    [Fact]
    public async Task Reconnect_FetchAfterLastSeq_ReturnsExactlyTheMissedMessages()
    {
        var room = await fixture.Alice.CreateRoomAsync("catch-up", "bob");
        await using var bob = fixture.Bob.CreateChatConnection();
        await bob.StartAsync();
        var seen = await fixture.Alice.PostMessageAsync(room.Id, "before the drop");
        var last = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Seq == seen.Seq);

        await bob.StopAsync();
        var missed = new List<ChatMessage>();
        for (var i = 1; i <= 3; i++)
        {
            missed.Add(await fixture.Alice.PostMessageAsync(room.Id, $"missed {i}"));
        }

        await bob.StartAsync();
        var page = await fixture.Bob.GetMessagesAsync(room.Id, $"?after={last.Seq}");

        Assert.Equal(missed.Select(m => m.Seq), page.Messages.Select(m => m.Seq));
        Assert.Equal(["missed 1", "missed 2", "missed 3"], page.Messages.Select(m => m.Text));
        Assert.Equal(missed[^1].Seq, page.LastSeq);
        Assert.False(page.HasMore);
        var live = await fixture.Alice.PostMessageAsync(room.Id, "after the reconnect");
        var received = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.MessagePosted);
        Assert.Equal(live.Seq, received.Seq);
    }

    [Fact]
    public async Task Typing_ReachesTheOtherMember_WithoutAdvancingSeq()
    {
        var room = await fixture.Alice.CreateRoomAsync("typing", "bob");
        await using var alice = fixture.Alice.CreateChatConnection();
        await using var bob = fixture.Bob.CreateChatConnection();
        await Task.WhenAll(alice.StartAsync(), bob.StartAsync());

        await alice.Connection.InvokeAsync("Typing", room.Id, true, TestContext.Current.CancellationToken)
            .WaitAsync(ChatConnection.Timeout, TestContext.Current.CancellationToken);

        var typing = await bob.NextRoomEventAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKind.Typing);
        Assert.Equal("alice", typing.User);
        Assert.True(typing.Typing);
        Assert.Equal(room.LastSeq, typing.Seq);
        var after = await fixture.Bob.SendAsync<RoomInfo>(HttpMethod.Get, $"/api/v1/rooms/{room.Id}");
        Assert.Equal(room.LastSeq, after.LastSeq);
    }

    [Fact]
    public async Task RemovedMember_StopsReceivingTheRoom()
    {
        var room = await fixture.Alice.CreateRoomAsync("removal", "bob");
        await using var bob = fixture.Bob.CreateChatConnection();
        await bob.StartAsync();

        await fixture.Alice.SendAsync<RoomInfo>(HttpMethod.Delete, $"/api/v1/rooms/{room.Id}/members/bob");
        await bob.NextUserEventAsync(e => e.RoomId == room.Id && e.Kind == UserEventKind.RoomLeft);
        await fixture.Alice.PostMessageAsync(room.Id, "bob is gone");
        var other = await fixture.Alice.CreateRoomAsync("marker", "bob");
        await bob.NextUserEventAsync(e => e.RoomId == other.Id && e.Kind == UserEventKind.RoomJoined);
        var marker = await fixture.Alice.PostMessageAsync(other.Id, "marker");

        // Events of one silo arrive in order per room; the marker of another room proves delivery went on.
        var next = await bob.NextRoomEventAsync(e => e.Kind == RoomEventKind.MessagePosted);
        Assert.Equal(other.Id, next.RoomId);
        Assert.Equal(marker.Seq, next.Seq);
        using var read = await fixture.Bob.SendAsync(HttpMethod.Get, $"/api/v1/rooms/{room.Id}/messages");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HubConnectionState.Connected, bob.Connection.State);
    }
}
