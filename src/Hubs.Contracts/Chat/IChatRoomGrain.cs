using Hubs.Contracts.Errors;

namespace Hubs.Contracts.Chat;

/// <summary>
/// A chat room (group or direct), keyed by room id. It owns the members and their roles and the
/// room's sequence counter; it is the single writer of the room's messages. Every method that acts
/// for a user takes that user's verified name as <c>caller</c> and checks the permission itself.
/// Failures the caller can fix are thrown as <see cref="HubsException"/>.
/// </summary>
[Alias("hubs.IChatRoomGrain")]
public interface IChatRoomGrain : IGrainWithStringKey
{
    /// <summary>Creates the room with the creator as owner. Creating an existing room is a conflict,
    /// except for a direct room, where it returns the existing room.</summary>
    [Alias("Create")]
    Task<RoomInfo> CreateAsync(string creator, string name, string[] members, RoomKind kind);

    [Alias("Get")]
    Task<RoomInfo> GetAsync(string caller);

    [Alias("Rename")]
    Task<RoomInfo> RenameAsync(string caller, string name);

    [Alias("AddMembers")]
    Task<RoomInfo> AddMembersAsync(string caller, string[] users);

    /// <summary>Removes a member; a caller removing themself leaves the room.</summary>
    [Alias("RemoveMember")]
    Task<RoomInfo> RemoveMemberAsync(string caller, string user);

    [Alias("SetRole")]
    Task<RoomInfo> SetRoleAsync(string caller, string user, RoomRole role);

    /// <summary>Posts a message. A retry with the same <paramref name="clientId"/> by the same sender
    /// returns the message the first call created and creates nothing.</summary>
    [Alias("Post")]
    Task<ChatMessage> PostAsync(string caller, string clientId, string text, long? replyToSeq);

    /// <summary>Posts like <see cref="PostAsync"/> and also says whether this call created the message,
    /// so that of concurrent retries exactly one learns it was the first.</summary>
    [Alias("PostOnce")]
    Task<PostedMessage> PostOnceAsync(string caller, string clientId, string text, long? replyToSeq);

    [Alias("Edit")]
    Task<ChatMessage> EditAsync(string caller, long seq, string text);

    [Alias("DeleteMessage")]
    Task<ChatMessage> DeleteMessageAsync(string caller, long seq);

    [Alias("React")]
    Task<ChatMessage> ReactAsync(string caller, long seq, string emoji, bool add);

    [Alias("MarkRead")]
    Task MarkReadAsync(string caller, long seq);

    [Alias("Typing")]
    Task TypingAsync(string caller, bool typing);

    /// <summary>Messages whose <see cref="ChatMessage.UpdatedSeq"/> is after <paramref name="after"/>,
    /// oldest change first: new messages and the latest state of changed ones.</summary>
    [Alias("GetAfter")]
    Task<MessagePage> GetAfterAsync(string caller, long after, int limit);

    /// <summary>Messages with <see cref="ChatMessage.Seq"/> below <paramref name="before"/>, returned
    /// oldest first; the newest page when <paramref name="before"/> is <see cref="long.MaxValue"/>.</summary>
    [Alias("GetBefore")]
    Task<MessagePage> GetBeforeAsync(string caller, long before, int limit);

    /// <summary>Registers (or refreshes) the observer of one silo. Silos refresh it periodically;
    /// an observer not refreshed in time is dropped.</summary>
    [Alias("AttachSilo")]
    Task AttachSiloAsync(string siloKey, IRoomObserver observer);

    [Alias("DetachSilo")]
    Task DetachSiloAsync(string siloKey);
}
