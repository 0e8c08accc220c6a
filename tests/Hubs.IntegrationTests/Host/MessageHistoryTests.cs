using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Host;

[Collection(HostCollection.Name)]
public sealed class MessageHistoryTests(HostFixture fixture)
{
    [Fact]
    public async Task Pages_BeforeAndAfter_ReturnTheRightWindows()
    {
        var room = await fixture.Alice.CreateRoomAsync("history", "bob");
        var posted = new List<ChatMessage>();
        for (var i = 1; i <= 7; i++)
        {
            posted.Add(await fixture.Alice.PostMessageAsync(room.Id, $"message {i}"));
        }

        var newest = await fixture.Bob.GetMessagesAsync(room.Id, "?limit=3");
        var older = await fixture.Bob.GetMessagesAsync(room.Id, $"?before={newest.Messages[0].Seq}&limit=3");
        var oldest = await fixture.Bob.GetMessagesAsync(room.Id, $"?before={older.Messages[0].Seq}&limit=3");
        var after = await fixture.Bob.GetMessagesAsync(room.Id, $"?after={posted[4].Seq}");

        Assert.Equal(["message 5", "message 6", "message 7"], newest.Messages.Select(m => m.Text));
        Assert.True(newest.HasMore);
        Assert.Equal(posted[^1].Seq, newest.LastSeq);
        Assert.Equal(["message 2", "message 3", "message 4"], older.Messages.Select(m => m.Text));
        Assert.True(older.HasMore);
        // The oldest page holds the room's own "created" line before message 1.
        Assert.Equal("message 1", oldest.Messages[^1].Text);
        Assert.Equal(MessageKind.System, oldest.Messages[0].Kind);
        Assert.False(oldest.HasMore);
        Assert.Equal(["message 6", "message 7"], after.Messages.Select(m => m.Text));
        Assert.False(after.HasMore);
    }

    [Fact]
    public async Task After_IncludesLaterChangesToOlderMessages_InUpdatedSeqOrder()
    {
        var room = await fixture.Alice.CreateRoomAsync("updates", "bob");
        var first = await fixture.Alice.PostMessageAsync(room.Id, "one");
        var second = await fixture.Alice.PostMessageAsync(room.Id, "two");

        await fixture.Alice.SendAsync<ChatMessage>(
            HttpMethod.Patch,
            $"/api/v1/rooms/{room.Id}/messages/{first.Seq}",
            new { text = "one, edited" });
        var page = await fixture.Bob.GetMessagesAsync(room.Id, $"?after={second.Seq}");
        var limited = await fixture.Bob.GetMessagesAsync(room.Id, $"?after={first.Seq - 1}&limit=1");

        var edited = Assert.Single(page.Messages);
        Assert.Equal(first.Seq, edited.Seq);
        Assert.Equal("one, edited", edited.Text);
        Assert.Equal(second.Seq + 1, edited.UpdatedSeq);
        Assert.Equal(second.Seq, Assert.Single(limited.Messages).Seq);
        Assert.True(limited.HasMore);
    }
}
