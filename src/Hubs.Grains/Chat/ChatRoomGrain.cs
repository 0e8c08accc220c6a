using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Contracts.Identity;
using Hubs.Grains.FanOut;
using Hubs.Storage;
using Hubs.Storage.Chat;
using Hubs.Storage.Identity;
using Microsoft.Extensions.Logging;

namespace Hubs.Grains.Chat;

/// <summary>
/// The single writer of one room: members and roles in grain state, messages in <see cref="IChatStore"/>.
/// Every change takes the next room seq and is written as (or onto) a message row before it is
/// announced, so the seq survives restarts as the highest stored updated seq. The grain is not
/// reentrant and awaits its fan-out, so each observer receives a room's events in seq order.
/// </summary>
[GrainType("chat-room")]
public sealed partial class ChatRoomGrain(
    [PersistentState("room", HubsStorageExtensions.DefaultStorageName)] IPersistentState<RoomState> room,
    IChatStore chatStore,
    IAccountStore accountStore,
    TimeProvider timeProvider,
    ILogger<ChatRoomGrain> logger) : Grain, IChatRoomGrain
{
    private readonly SiloObserverSet<IRoomObserver> observers = new(timeProvider);
    private long lastSeq;

    private string RoomId => this.GetPrimaryKeyString();

    private RoomState State => room.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await chatStore.GetLastSeqAsync(RoomId, cancellationToken);
        lastSeq = Math.Max(stored, State.LastSeq);
    }

    /// <inheritdoc />
    public async Task<RoomInfo> CreateAsync(string creator, string name, string[] members, RoomKind kind)
    {
        ArgumentNullException.ThrowIfNull(members);
        EnsureUserName(creator);
        var others = members.Distinct(StringComparer.Ordinal).Where(m => m != creator).ToArray();
        foreach (var member in others)
        {
            EnsureUserName(member);
        }

        // Checked before existence, so nobody learns about a direct room that is not theirs.
        if (kind == RoomKind.Direct && (others.Length != 1 || RoomIds.Direct(creator, others[0]) != RoomId))
        {
            throw new HubsException(
                HubsError.Invalid,
                "A direct room has the creator and one other user, and the id dm.{a}.{b}.");
        }

        if (State.Exists)
        {
            if (kind == RoomKind.Direct && State.Kind == RoomKind.Direct && State.Members.ContainsKey(creator))
            {
                return ToInfo();
            }

            throw new HubsException(HubsError.Conflict, $"The room '{RoomId}' already exists.");
        }

        string roomName;
        if (kind == RoomKind.Direct)
        {
            roomName = "";
        }
        else if (kind == RoomKind.Group)
        {
            if (RoomId.StartsWith("dm.", StringComparison.Ordinal))
            {
                throw new HubsException(HubsError.Invalid, "Room ids starting with 'dm.' are for direct rooms.");
            }

            roomName = MessageRules.NormalizeRoomName(name);
            EnsureMemberCount(others.Length);
        }
        else
        {
            throw new HubsException(HubsError.Invalid, "Unknown room kind.");
        }

        await EnsureAccountsAsync([creator, .. others]);

        State.Exists = true;
        State.Name = roomName;
        State.Kind = kind;
        State.CreatedAt = timeProvider.GetUtcNow();
        State.Members = new Dictionary<string, RoomRole>(StringComparer.Ordinal)
        {
            [creator] = kind == RoomKind.Group ? RoomRole.Owner : RoomRole.Member,
        };
        foreach (var member in others)
        {
            State.Members[member] = RoomRole.Member;
        }

        var text = kind == RoomKind.Direct
            ? $"{creator} started a conversation with {others[0]}"
            : $"{creator} created the room";
        var info = await CommitRoomChangeAsync(creator, text);
        LogRoomCreated(logger, RoomId, kind, State.Members.Count);
        NotifyUsers(State.Members.Keys, UserEventKind.RoomJoined);
        return info;
    }

    /// <inheritdoc />
    public Task<RoomInfo> GetAsync(string caller)
    {
        EnsureMember(caller);
        return Task.FromResult(ToInfo());
    }

    /// <inheritdoc />
    public async Task<RoomInfo> RenameAsync(string caller, string name)
    {
        var role = EnsureMember(caller);
        RoomPermissions.EnsureCanRename(State.Kind, role);
        var newName = MessageRules.NormalizeRoomName(name);
        if (newName == State.Name)
        {
            return ToInfo();
        }

        State.Name = newName;
        return await CommitRoomChangeAsync(caller, $"{caller} renamed the room to \"{newName}\"");
    }

    /// <inheritdoc />
    public async Task<RoomInfo> AddMembersAsync(string caller, string[] users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var role = EnsureMember(caller);
        RoomPermissions.EnsureCanAddMembers(State.Kind, role);
        EnsureMemberCount(users.Length);
        foreach (var user in users)
        {
            EnsureUserName(user);
        }

        var added = users.Distinct(StringComparer.Ordinal).Where(u => !State.Members.ContainsKey(u)).ToArray();
        if (added.Length == 0)
        {
            return ToInfo();
        }

        await EnsureAccountsAsync(added);
        foreach (var user in added)
        {
            State.Members[user] = RoomRole.Member;
        }

        var info = await CommitRoomChangeAsync(caller, $"{caller} added {string.Join(", ", added)}");
        NotifyUsers(added, UserEventKind.RoomJoined);
        return info;
    }

    /// <inheritdoc />
    public async Task<RoomInfo> RemoveMemberAsync(string caller, string user)
    {
        EnsureMember(caller);
        RoomPermissions.EnsureCanRemove(State.Kind, caller, user, State.Members);

        State.Members.Remove(user);
        var text = caller == user ? $"{user} left" : $"{caller} removed {user}";
        var info = await CommitRoomChangeAsync(caller, text);
        NotifyUsers([user], UserEventKind.RoomLeft);
        return info;
    }

    /// <inheritdoc />
    public async Task<RoomInfo> SetRoleAsync(string caller, string user, RoomRole role)
    {
        EnsureMember(caller);
        RoomPermissions.EnsureCanSetRole(State.Kind, caller, user, role, State.Members);
        if (State.Members[user] == role)
        {
            return ToInfo();
        }

        State.Members[user] = role;
        var roleName = role.ToString().ToLowerInvariant();
        return await CommitRoomChangeAsync(caller, $"{caller} made {user} {roleName}");
    }

    /// <inheritdoc />
    public async Task<ChatMessage> PostAsync(string caller, string clientId, string text, long? replyToSeq)
    {
        EnsureMember(caller);
        MessageRules.ValidateClientId(clientId);
        MessageRules.ValidateText(text);

        var existing = await chatStore.FindByClientIdAsync(RoomId, caller, clientId);
        if (existing is not null)
        {
            return existing;
        }

        MessageQuote? quote = null;
        if (replyToSeq is { } replyTo)
        {
            var quoted = await chatStore.GetMessageAsync(RoomId, replyTo)
                ?? throw new HubsException(HubsError.Invalid, $"There is no message {replyTo} to reply to.");
            quote = new MessageQuote(quoted.Seq, quoted.Sender, MessageRules.Excerpt(quoted.Text));
        }

        var seq = lastSeq + 1;
        var message = new ChatMessage(
            RoomId,
            seq,
            seq,
            MessageKind.Text,
            caller,
            clientId,
            text,
            timeProvider.GetUtcNow(),
            null,
            false,
            quote,
            MessageRules.ParseMentions(text, State.Members.Keys),
            []);
        await StoreAsync(() => chatStore.InsertMessageAsync(message));
        lastSeq = seq;

        await PublishAsync(new RoomEvent(RoomId, seq, RoomEventKind.MessagePosted, message, null, null, false));
        return message;
    }

    /// <inheritdoc />
    public async Task<ChatMessage> EditAsync(string caller, long seq, string text)
    {
        EnsureMember(caller);
        MessageRules.ValidateText(text);
        var message = await GetMessageAsync(seq);
        RoomPermissions.EnsureCanEdit(message, caller);
        if (message.Text == text)
        {
            return message;
        }

        var next = lastSeq + 1;
        var edited = message with
        {
            UpdatedSeq = next,
            Text = text,
            EditedAt = timeProvider.GetUtcNow(),
            Mentions = MessageRules.ParseMentions(text, State.Members.Keys),
        };
        return await CommitMessageChangeAsync(edited, RoomEventKind.MessageEdited);
    }

    /// <inheritdoc />
    public async Task<ChatMessage> DeleteMessageAsync(string caller, long seq)
    {
        var role = EnsureMember(caller);
        var message = await GetMessageAsync(seq);
        RoomPermissions.EnsureCanDelete(message, caller, role);
        if (message.Deleted)
        {
            return message;
        }

        var deleted = message with
        {
            UpdatedSeq = lastSeq + 1,
            Text = "",
            Deleted = true,
            Mentions = [],
            Reactions = [],
        };
        return await CommitMessageChangeAsync(deleted, RoomEventKind.MessageDeleted);
    }

    /// <inheritdoc />
    public async Task<ChatMessage> ReactAsync(string caller, long seq, string emoji, bool add)
    {
        EnsureMember(caller);
        MessageRules.ValidateEmoji(emoji);
        var message = await GetMessageAsync(seq);
        RoomPermissions.EnsureCanReact(message);

        var reactions = message.Reactions.ToList();
        var index = reactions.FindIndex(r => r.Emoji == emoji);
        var present = index >= 0 && reactions[index].Users.Contains(caller);
        if (present == add)
        {
            return message;
        }

        if (add && index < 0)
        {
            reactions.Add(new Reaction(emoji, [caller]));
        }
        else if (add)
        {
            reactions[index] = reactions[index] with { Users = [.. reactions[index].Users, caller] };
        }
        else
        {
            var users = reactions[index].Users.Where(u => u != caller).ToArray();
            if (users.Length == 0)
            {
                reactions.RemoveAt(index);
            }
            else
            {
                reactions[index] = reactions[index] with { Users = users };
            }
        }

        var changed = message with { UpdatedSeq = lastSeq + 1, Reactions = [.. reactions] };
        return await CommitMessageChangeAsync(changed, RoomEventKind.ReactionChanged);
    }

    /// <inheritdoc />
    public async Task MarkReadAsync(string caller, long seq)
    {
        EnsureMember(caller);
        if (seq < 0)
        {
            throw new HubsException(HubsError.Invalid, "seq must not be negative.");
        }

        await chatStore.MarkReadAsync(RoomId, caller, Math.Min(seq, lastSeq));
    }

    /// <inheritdoc />
    public async Task TypingAsync(string caller, bool typing)
    {
        EnsureMember(caller);
        await PublishAsync(new RoomEvent(RoomId, lastSeq, RoomEventKind.Typing, null, null, caller, typing));
    }

    /// <inheritdoc />
    public async Task<MessagePage> GetAfterAsync(string caller, long after, int limit)
    {
        EnsureMember(caller);
        EnsureLimit(limit);
        var slice = await chatStore.GetAfterAsync(RoomId, Math.Max(after, 0), limit);
        return new MessagePage([.. slice.Messages], lastSeq, slice.HasMore);
    }

    /// <inheritdoc />
    public async Task<MessagePage> GetBeforeAsync(string caller, long before, int limit)
    {
        EnsureMember(caller);
        EnsureLimit(limit);
        var slice = await chatStore.GetBeforeAsync(RoomId, before, limit);
        return new MessagePage([.. slice.Messages], lastSeq, slice.HasMore);
    }

    /// <inheritdoc />
    public Task AttachSiloAsync(string siloKey, IRoomObserver observer)
    {
        observers.Attach(siloKey, observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DetachSiloAsync(string siloKey)
    {
        observers.Detach(siloKey);
        return Task.CompletedTask;
    }

    private RoomRole EnsureMember(string caller)
    {
        // Non-members learn nothing, not even that the room exists.
        if (!State.Exists || caller is null || !State.Members.TryGetValue(caller, out var role))
        {
            throw new HubsException(HubsError.NotFound, $"Room '{RoomId}' not found.");
        }

        return role;
    }

    private async Task<ChatMessage> GetMessageAsync(long seq) =>
        await chatStore.GetMessageAsync(RoomId, seq)
        ?? throw new HubsException(HubsError.NotFound, $"Message {seq} not found in this room.");

    private async Task EnsureAccountsAsync(IReadOnlyCollection<string> users)
    {
        var missing = await accountStore.FindMissingAsync(users);
        if (missing.Count > 0)
        {
            throw new HubsException(HubsError.Invalid, $"Unknown users: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Writes the room change as a system message with the new projection, then the grain
    /// state, then announces it.</summary>
    private async Task<RoomInfo> CommitRoomChangeAsync(string actor, string text)
    {
        var seq = lastSeq + 1;
        var info = ToInfo(seq);
        var message = new ChatMessage(
            RoomId,
            seq,
            seq,
            MessageKind.System,
            actor,
            null,
            text,
            timeProvider.GetUtcNow(),
            null,
            false,
            null,
            [],
            []);
        await StoreAsync(async () =>
        {
            await chatStore.InsertMessageAsync(message, info);
            State.LastSeq = seq;
            await room.WriteStateAsync();
        });
        lastSeq = seq;

        await PublishAsync(new RoomEvent(RoomId, seq, RoomEventKind.RoomChanged, message, info, actor, false));
        return info;
    }

    private async Task<ChatMessage> CommitMessageChangeAsync(ChatMessage changed, RoomEventKind kind)
    {
        await StoreAsync(() => chatStore.UpdateMessageAsync(changed));
        lastSeq = changed.UpdatedSeq;

        await PublishAsync(new RoomEvent(RoomId, changed.UpdatedSeq, kind, changed, null, null, false));
        return changed;
    }

    /// <summary>Runs a write; when it fails the in-memory state may no longer match the store, so the
    /// activation is dropped and the next call starts again from what is stored.</summary>
    private async Task StoreAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e)
        {
            LogStoreFailed(logger, e, RoomId);
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task PublishAsync(RoomEvent roomEvent)
    {
        var dropped = await observers.NotifyAsync(o => o.OnRoomEventAsync(roomEvent));
        foreach (var (siloKey, error) in dropped)
        {
            LogObserverDropped(logger, error, RoomId, siloKey);
        }
    }

    /// <summary>Tells the users' silos, without waiting: a silo that reacts by attaching to this room
    /// must not find the room busy waiting for that very silo.</summary>
    private void NotifyUsers(IEnumerable<string> users, UserEventKind kind)
    {
        foreach (var user in users)
        {
            var userEvent = new UserEvent(user, kind, RoomId);
            _ = NotifyUserAsync(userEvent);
        }
    }

    private async Task NotifyUserAsync(UserEvent userEvent)
    {
        try
        {
            await GrainFactory.GetGrain<IUserGrain>(userEvent.User).NotifyAsync(userEvent);
        }
        catch (Exception e)
        {
            LogUserNotifyFailed(logger, e, RoomId, userEvent.Kind);
        }
    }

    private RoomInfo ToInfo(long? seq = null) => new(
        RoomId,
        State.Name,
        State.Kind,
        [.. State.Members
            .OrderByDescending(m => m.Value)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new RoomMember(m.Key, m.Value))],
        seq ?? lastSeq,
        State.CreatedAt);

    private static void EnsureUserName(string? user)
    {
        if (!UserNames.IsValid(user))
        {
            throw new HubsException(HubsError.Invalid, $"'{user}' is not a valid user name.");
        }
    }

    private static void EnsureMemberCount(int count)
    {
        if (count > ChatLimits.MaxMembersPerRequest)
        {
            throw new HubsException(
                HubsError.TooLarge,
                $"At most {ChatLimits.MaxMembersPerRequest} members can be added at once.");
        }
    }

    private static void EnsureLimit(int limit)
    {
        if (limit is < 1 or > ChatLimits.MaxPageSize)
        {
            throw new HubsException(HubsError.Invalid, $"limit must be 1 to {ChatLimits.MaxPageSize}.");
        }
    }
}
