using System.Collections.Concurrent;
using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Contracts.Identity;
using Hubs.Grains.Chat;
using Hubs.Storage.Chat;

namespace Hubs.IntegrationTests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ChatRoomGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Post_ConcurrentSendersOnBothSilos_GetContiguousSeqsInEachSendersOrder()
    {
        var users = await fixture.CreateUsersAsync(5);
        var roomId = ClusterFixture.NewRoomId();
        var created = await fixture.Client.GetGrain<IChatRoomGrain>(roomId)
            .CreateAsync(users[0], "load", users[1..], RoomKind.Group);
        const int PerSender = 40;

        var sends = users.Select((user, i) => Task.Run(async () =>
        {
            var room = fixture.SiloGrainFactory(i % 2).GetGrain<IChatRoomGrain>(roomId);
            var seqs = new List<long>();
            for (var n = 0; n < PerSender; n++)
            {
                var message = await room.PostAsync(user, $"c{n}", $"{user} {n}", null);
                seqs.Add(message.Seq);
            }

            return seqs;
        }));
        var perSender = await Task.WhenAll(sends).WaitAsync(StepTimeout, TestContext.Current.CancellationToken);

        var all = perSender.SelectMany(s => s).Order().ToArray();
        var first = created.LastSeq + 1;
        Assert.Equal(Enumerable.Range((int)first, users.Length * PerSender).Select(i => (long)i), all);
        Assert.All(perSender, seqs => Assert.Equal(seqs.Order(), seqs));
        var page = await fixture.Client.GetGrain<IChatRoomGrain>(roomId)
            .GetAfterAsync(users[0], created.LastSeq, ChatLimits.MaxPageSize);
        Assert.Equal(all, page.Messages.Select(m => m.Seq));
        Assert.All(users, user => Assert.Equal(
            Enumerable.Range(0, PerSender).Select(n => $"{user} {n}"),
            page.Messages.Where(m => m.Sender == user).Select(m => m.Text)));
    }

    [Fact]
    public async Task Post_SameClientIdTwiceAndConcurrently_CreatesOneMessage()
    {
        var users = await fixture.CreateUsersAsync(2);
        var roomId = ClusterFixture.NewRoomId();
        var room = fixture.Client.GetGrain<IChatRoomGrain>(roomId);
        await room.CreateAsync(users[0], "idem", [users[1]], RoomKind.Group);

        var first = await room.PostAsync(users[0], "same", "hello", null);
        var retry = await room.PostAsync(users[0], "same", "hello again", null);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            fixture.SiloGrainFactory(i % 2).GetGrain<IChatRoomGrain>(roomId)
                .PostAsync(users[1], "other", "hi", null)));
        var sameIdOtherSender = await room.PostAsync(users[1], "same", "mine", null);

        Assert.Equivalent(first, retry, strict: true);
        Assert.Single(concurrent.Select(m => m.Seq).Distinct());
        Assert.NotEqual(first.Seq, sameIdOtherSender.Seq);
        var page = await room.GetAfterAsync(users[0], 0, 50);
        Assert.Equal(3, page.Messages.Count(m => m.Kind == MessageKind.Text));
    }

    [Fact]
    public async Task Events_ReachObserversOnBothSilos_InSeqOrder()
    {
        var users = await fixture.CreateUsersAsync(2);
        var roomId = ClusterFixture.NewRoomId();
        var observers = new[] { new RecordingRoomObserver(), new RecordingRoomObserver() };
        for (var i = 0; i < 2; i++)
        {
            var factory = fixture.SiloGrainFactory(i);
            var reference = factory.CreateObjectReference<IRoomObserver>(observers[i]);
            await factory.GetGrain<IChatRoomGrain>(roomId).AttachSiloAsync($"silo{i}", reference);
        }

        var room = fixture.Client.GetGrain<IChatRoomGrain>(roomId);
        await room.CreateAsync(users[0], "fan-out", [users[1]], RoomKind.Group);
        for (var n = 0; n < 20; n++)
        {
            await room.PostAsync(users[n % 2], $"m{n}", $"message {n}", null);
        }

        var edited = await room.EditAsync(users[0], 2, "edited");
        await room.ReactAsync(users[1], 2, "👍", add: true);
        await room.TypingAsync(users[1], typing: true);
        var deleted = await room.DeleteMessageAsync(users[0], 2);

        var lastSeq = deleted.UpdatedSeq;
        foreach (var observer in observers)
        {
            var events = await observer.WaitForAsync(
                e => e.Any(x => x.Seq == lastSeq && x.Kind != RoomEventKind.Typing));
            var changes = events.Where(e => e.Kind != RoomEventKind.Typing).Select(e => e.Seq).ToArray();
            Assert.Equal(Enumerable.Range(1, (int)lastSeq).Select(i => (long)i), changes);
            Assert.Contains(events, e => e.Kind == RoomEventKind.Typing && e.User == users[1] && e.Typing);
            Assert.Equivalent(edited, events.Single(e => e.Kind == RoomEventKind.MessageEdited).Message, strict: true);
            Assert.Equal(RoomEventKind.MessageDeleted, events[^1].Kind);
        }
    }

    [Fact]
    public async Task Detached_Observer_ReceivesNothingMore()
    {
        var users = await fixture.CreateUsersAsync(1);
        var roomId = ClusterFixture.NewRoomId();
        var kept = new RecordingRoomObserver();
        var detached = new RecordingRoomObserver();
        var room = fixture.Client.GetGrain<IChatRoomGrain>(roomId);
        await room.AttachSiloAsync("kept", fixture.SiloGrainFactory(0).CreateObjectReference<IRoomObserver>(kept));
        await room.AttachSiloAsync("gone", fixture.SiloGrainFactory(1).CreateObjectReference<IRoomObserver>(detached));
        await room.CreateAsync(users[0], "detach", [], RoomKind.Group);

        await room.DetachSiloAsync("gone");
        var message = await room.PostAsync(users[0], "a", "after detach", null);

        await kept.WaitForAsync(e => e.Any(x => x.Seq == message.Seq));
        Assert.DoesNotContain(detached.Events, e => e.Seq == message.Seq);
    }

    [Fact]
    public async Task FailingObserver_IsDropped_AndOthersStillReceive()
    {
        var users = await fixture.CreateUsersAsync(1);
        var good = new RecordingRoomObserver();
        var failing = new FailingRoomObserver();
        var room = fixture.Client.GetGrain<IChatRoomGrain>(ClusterFixture.NewRoomId());
        await room.AttachSiloAsync("good", fixture.SiloGrainFactory(0).CreateObjectReference<IRoomObserver>(good));
        await room.AttachSiloAsync("bad", fixture.SiloGrainFactory(1).CreateObjectReference<IRoomObserver>(failing));

        await room.CreateAsync(users[0], "drop", [], RoomKind.Group);
        var second = await room.PostAsync(users[0], "a", "one", null);
        var third = await room.PostAsync(users[0], "b", "two", null);

        var events = await good.WaitForAsync(e => e.Any(x => x.Seq == third.Seq));
        Assert.Equal([1, second.Seq, third.Seq], events.Select(e => e.Seq));
        Assert.Equal(1, failing.Calls);
    }

    [Fact]
    public async Task EditDeleteReact_FollowPermissions()
    {
        var (owner, moderator, member, other) = await CreateFourAsync();
        var roomId = ClusterFixture.NewRoomId();
        var room = fixture.Client.GetGrain<IChatRoomGrain>(roomId);
        await room.CreateAsync(owner, "perm", [moderator, member, other], RoomKind.Group);
        await room.SetRoleAsync(owner, moderator, RoomRole.Moderator);
        var byMember = await room.PostAsync(member, "1", "from member", null);
        var byOther = await room.PostAsync(other, "2", "from other", null);

        var editOthers = await Assert.ThrowsAsync<HubsException>(() => room.EditAsync(owner, byMember.Seq, "x"));
        var deleteOthers = await Assert.ThrowsAsync<HubsException>(
            () => room.DeleteMessageAsync(member, byOther.Seq));
        var edited = await room.EditAsync(member, byMember.Seq, "fixed @" + other);
        var reacted = await room.ReactAsync(other, byMember.Seq, "🎉", add: true);
        var reactedAgain = await room.ReactAsync(other, byMember.Seq, "🎉", add: true);
        var byModerator = await room.DeleteMessageAsync(moderator, byMember.Seq);
        var ownDelete = await room.DeleteMessageAsync(other, byOther.Seq);
        var editDeleted = await Assert.ThrowsAsync<HubsException>(() => room.EditAsync(member, byMember.Seq, "y"));

        Assert.Equal(HubsError.Forbidden, editOthers.Error);
        Assert.Equal(HubsError.Forbidden, deleteOthers.Error);
        Assert.Equal([other], edited.Mentions);
        Assert.NotNull(edited.EditedAt);
        Assert.Equal(byMember.Seq, edited.Seq);
        Assert.True(edited.UpdatedSeq > byOther.Seq);
        Assert.Equal([other], Assert.Single(reacted.Reactions).Users);
        Assert.Equivalent(reacted, reactedAgain, strict: true);
        Assert.True(byModerator.Deleted);
        Assert.Equal("", byModerator.Text);
        Assert.Empty(byModerator.Reactions);
        Assert.True(ownDelete.Deleted);
        Assert.Equal(HubsError.Conflict, editDeleted.Error);
    }

    [Fact]
    public async Task Post_ValidatesInputAndReplies()
    {
        var users = await fixture.CreateUsersAsync(2);
        var room = fixture.Client.GetGrain<IChatRoomGrain>(ClusterFixture.NewRoomId());
        await room.CreateAsync(users[0], "validate", [users[1]], RoomKind.Group);
        var quoted = await room.PostAsync(users[1], "q", new string('a', 300), null);

        var empty = await Assert.ThrowsAsync<HubsException>(() => room.PostAsync(users[0], "e", "  \n ", null));
        var tooLarge = await Assert.ThrowsAsync<HubsException>(
            () => room.PostAsync(users[0], "l", new string('x', ChatLimits.MaxMessageLength + 1), null));
        var badClientId = await Assert.ThrowsAsync<HubsException>(
            () => room.PostAsync(users[0], new string('c', 101), "hi", null));
        var badReply = await Assert.ThrowsAsync<HubsException>(() => room.PostAsync(users[0], "r", "hi", 9999));
        var reply = await room.PostAsync(users[0], "ok", $"@{users[1]} @all @nobody yes", quoted.Seq);
        var longest = await room.PostAsync(users[0], "max", new string('y', ChatLimits.MaxMessageLength), null);

        Assert.Equal(HubsError.Invalid, empty.Error);
        Assert.Equal(HubsError.TooLarge, tooLarge.Error);
        Assert.Equal(HubsError.Invalid, badClientId.Error);
        Assert.Equal(HubsError.Invalid, badReply.Error);
        Assert.NotNull(reply.ReplyTo);
        Assert.Equal(quoted.Seq, reply.ReplyTo.Seq);
        Assert.Equal(users[1], reply.ReplyTo.Sender);
        Assert.True(reply.ReplyTo.Excerpt.Length <= 200);
        Assert.Equal([users[1], "all"], reply.Mentions);
        Assert.Equal(ChatLimits.MaxMessageLength, longest.Text.Length);
    }

    [Fact]
    public async Task NonMember_GetsNotFoundForEverything()
    {
        var users = await fixture.CreateUsersAsync(2);
        var room = fixture.Client.GetGrain<IChatRoomGrain>(ClusterFixture.NewRoomId());
        await room.CreateAsync(users[0], "secret", [], RoomKind.Group);
        var unknown = fixture.Client.GetGrain<IChatRoomGrain>(ClusterFixture.NewRoomId());

        var calls = new Func<Task>[]
        {
            () => room.GetAsync(users[1]),
            () => room.PostAsync(users[1], "x", "hi", null),
            () => room.GetAfterAsync(users[1], 0, 10),
            () => room.AddMembersAsync(users[1], [users[1]]),
            () => room.MarkReadAsync(users[1], 1),
            () => unknown.GetAsync(users[0]),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<HubsException>(call);
            Assert.Equal(HubsError.NotFound, error.Error);
        }
    }

    [Fact]
    public async Task Members_AddRemoveLeaveAndRoles_WriteSystemMessagesAndNotifyUsers()
    {
        var (owner, moderator, member, extra) = await CreateFourAsync();
        var userObserver = new RecordingUserObserver();
        var reference = fixture.SiloGrainFactory(1).CreateObjectReference<IUserObserver>(userObserver);
        await fixture.Client.GetGrain<IUserGrain>(extra).AttachSiloAsync("silo1", reference);
        var room = fixture.Client.GetGrain<IChatRoomGrain>(ClusterFixture.NewRoomId());
        var created = await room.CreateAsync(owner, "  team  ", [moderator, member], RoomKind.Group);

        await room.SetRoleAsync(owner, moderator, RoomRole.Moderator);
        var missing = await Assert.ThrowsAsync<HubsException>(
            () => room.AddMembersAsync(moderator, [extra, "ghost-user"]));
        var memberAdds = await Assert.ThrowsAsync<HubsException>(() => room.AddMembersAsync(member, [extra]));
        var added = await room.AddMembersAsync(moderator, [extra]);
        var joined = await userObserver.WaitForAsync(e => e.Kind == UserEventKind.RoomJoined);
        var lastOwnerLeaves = await Assert.ThrowsAsync<HubsException>(() => room.RemoveMemberAsync(owner, owner));
        var moderatorRaises = await Assert.ThrowsAsync<HubsException>(
            () => room.SetRoleAsync(moderator, member, RoomRole.Owner));
        var removed = await room.RemoveMemberAsync(moderator, extra);
        var left = await userObserver.WaitForAsync(e => e.Kind == UserEventKind.RoomLeft);
        var renamed = await room.RenameAsync(moderator, "Team 2");
        var afterLeave = await room.RemoveMemberAsync(member, member);

        Assert.Equal("team", created.Name);
        Assert.Equal(HubsError.Invalid, missing.Error);
        Assert.Contains("ghost-user", missing.Message, StringComparison.Ordinal);
        Assert.Equal(HubsError.Forbidden, memberAdds.Error);
        Assert.Contains(added.Members, m => m.User == extra && m.Role == RoomRole.Member);
        Assert.Equal(room.GetPrimaryKeyString(), joined.RoomId);
        Assert.Equal(HubsError.Conflict, lastOwnerLeaves.Error);
        Assert.Equal(HubsError.Forbidden, moderatorRaises.Error);
        Assert.DoesNotContain(removed.Members, m => m.User == extra);
        Assert.Equal(room.GetPrimaryKeyString(), left.RoomId);
        Assert.Equal("Team 2", renamed.Name);
        Assert.DoesNotContain(afterLeave.Members, m => m.User == member);
        var page = await room.GetAfterAsync(owner, 0, 50);
        var system = page.Messages.Where(m => m.Kind == MessageKind.System).ToArray();
        var allSeqs = Enumerable.Range(1, (int)afterLeave.LastSeq).Select(i => (long)i);
        Assert.Equal(allSeqs, page.Messages.Select(m => m.Seq));
        Assert.Equal(system.Length, page.Messages.Length);
        Assert.Contains(system, m => m.Text == $"{moderator} added {extra}");
        Assert.Contains(system, m => m.Text == $"{member} left");
    }

    [Fact]
    public async Task Direct_CreateTwice_ReturnsSameRoomAndRejectsChanges()
    {
        var users = await fixture.CreateUsersAsync(3);
        var id = RoomIds.Direct(users[1], users[0]);
        var room = fixture.Client.GetGrain<IChatRoomGrain>(id);

        var first = await room.CreateAsync(users[0], "", [users[1]], RoomKind.Direct);
        var second = await room.CreateAsync(users[1], "", [users[0]], RoomKind.Direct);
        var add = await Assert.ThrowsAsync<HubsException>(() => room.AddMembersAsync(users[0], [users[2]]));
        var rename = await Assert.ThrowsAsync<HubsException>(() => room.RenameAsync(users[0], "x"));
        var wrongId = await Assert.ThrowsAsync<HubsException>(() => fixture.Client
            .GetGrain<IChatRoomGrain>(ClusterFixture.NewRoomId())
            .CreateAsync(users[0], "", [users[1]], RoomKind.Direct));
        var groupAgain = await Assert.ThrowsAsync<HubsException>(
            () => room.CreateAsync(users[0], "g", [users[1]], RoomKind.Group));

        Assert.Equivalent(first, second, strict: true);
        Assert.Equal("", first.Name);
        Assert.Equal(2, first.Members.Length);
        Assert.Equal(HubsError.Forbidden, add.Error);
        Assert.Equal(HubsError.Forbidden, rename.Error);
        Assert.Equal(HubsError.Invalid, wrongId.Error);
        Assert.Equal(HubsError.Conflict, groupAgain.Error);
    }

    [Fact]
    public async Task Deactivation_KeepsMessagesAndContinuesSeq()
    {
        var users = await fixture.CreateUsersAsync(2);
        var roomId = ClusterFixture.NewRoomId();
        var room = fixture.Client.GetGrain<IChatRoomGrain>(roomId);
        await room.CreateAsync(users[0], "durable", [users[1]], RoomKind.Group);
        await room.PostAsync(users[0], "1", "one", null);
        var beforeRestart = await room.ReactAsync(users[1], 2, "✅", add: true);

        await fixture.Cluster.DeactivateAsync(room).WaitAsync(StepTimeout, TestContext.Current.CancellationToken);
        var info = await room.GetAsync(users[1]);
        var next = await room.PostAsync(users[1], "2", "two", null);
        var retry = await room.PostAsync(users[0], "1", "one", null);

        Assert.Equal(beforeRestart.UpdatedSeq, info.LastSeq);
        Assert.Equal(beforeRestart.UpdatedSeq + 1, next.Seq);
        Assert.Equal(2, retry.Seq);
        Assert.Equal(2, info.Members.Length);
        var page = await room.GetBeforeAsync(users[0], long.MaxValue, 50);
        Assert.Equal(["one", "two"], page.Messages.Where(m => m.Kind == MessageKind.Text).Select(m => m.Text));
        Assert.Equal(next.Seq, page.LastSeq);
    }

    [Fact]
    public async Task HubsException_CrossesSilosWithErrorAndMessage()
    {
        var users = await fixture.CreateUsersAsync(1);
        var roomId = ClusterFixture.NewRoomId();
        await fixture.Client.GetGrain<IChatRoomGrain>(roomId).CreateAsync(users[0], "x", [], RoomKind.Group);
        var errors = new ConcurrentBag<HubsException>();

        for (var i = 0; i < 2; i++)
        {
            var room = fixture.SiloGrainFactory(i).GetGrain<IChatRoomGrain>(roomId);
            errors.Add(await Assert.ThrowsAsync<HubsException>(() => room.PostAsync(users[0], "t", "", null)));
        }

        errors.Add(await Assert.ThrowsAsync<HubsException>(
            () => fixture.Client.GetGrain<IChatRoomGrain>(roomId).RenameAsync(users[0], "")));
        Assert.All(errors, e => Assert.Equal(HubsError.Invalid, e.Error));
        Assert.Equal(2, errors.Count(e => e.Message == "The message is empty."));
        Assert.Contains(errors, e => e.Message == "The room needs a name.");
    }

    [Fact]
    public async Task ListRoomsForUser_CountsUnreadAndMentions()
    {
        var users = await fixture.CreateUsersAsync(3);
        var (me, bob, carol) = (users[0], users[1], users[2]);
        var roomId = ClusterFixture.NewRoomId();
        var room = fixture.Client.GetGrain<IChatRoomGrain>(roomId);
        await room.CreateAsync(bob, "counts", [me, carol], RoomKind.Group);
        var direct = fixture.Client.GetGrain<IChatRoomGrain>(RoomIds.Direct(me, carol));
        await direct.CreateAsync(carol, "", [me], RoomKind.Direct);
        await room.PostAsync(bob, "1", "hello", null);
        var read = await room.PostAsync(carol, "2", $"@{me} look", null);
        await room.PostAsync(me, "3", "my own", null);
        await room.PostAsync(bob, "4", $"@{me} again", null);
        await room.PostAsync(carol, "5", "@all everyone", null);
        var deleted = await room.PostAsync(bob, "6", $"@{me} oops", null);
        await room.DeleteMessageAsync(bob, deleted.Seq);
        await room.MarkReadAsync(me, read.Seq);
        await room.MarkReadAsync(me, 1);

        var store = fixture.SiloService<IChatStore>(1);
        var rooms = await store.ListRoomsForUserAsync(me, TestContext.Current.CancellationToken);

        Assert.Equal(2, rooms.Count);
        var summary = Assert.Single(rooms, r => r.Room.Id == roomId);
        var info = await room.GetAsync(me);
        Assert.Equal(
            (info.Name, info.Kind, info.CreatedAt),
            (summary.Room.Name, summary.Room.Kind, summary.Room.CreatedAt));
        Assert.Equal(info.Members, summary.Room.Members);
        Assert.Equal(info.LastSeq, summary.Room.LastSeq);
        Assert.Equal(read.Seq, summary.LastReadSeq);
        Assert.Equal(2, summary.Unread);
        Assert.Equal(2, summary.UnreadMentions);
        var dm = Assert.Single(rooms, r => r.Room.Kind == RoomKind.Direct);
        Assert.Equal(0, dm.Unread);
    }

    private async Task<(string, string, string, string)> CreateFourAsync()
    {
        var users = await fixture.CreateUsersAsync(4);
        return (users[0], users[1], users[2], users[3]);
    }
}
