using Hubs.Contracts.Chat;

namespace Hubs.Storage.Chat;

/// <summary>
/// Message history, the room projection (<c>rooms</c>, <c>room_members</c>) and read markers. The room
/// grain is the only writer of a room's messages and projection; anyone may read.
/// </summary>
public interface IChatStore
{
    /// <summary>The highest <see cref="ChatMessage.UpdatedSeq"/> stored for the room (0 if none): the
    /// room's sequence, since every change to a room writes or updates a message row.</summary>
    Task<long> GetLastSeqAsync(string roomId, CancellationToken cancellationToken = default);

    Task<ChatMessage?> GetMessageAsync(string roomId, long seq, CancellationToken cancellationToken = default);

    Task<ChatMessage?> FindByClientIdAsync(
        string roomId,
        string sender,
        string clientId,
        CancellationToken cancellationToken = default);

    /// <summary>Stores a new message. When <paramref name="room"/> is given, the room projection and its
    /// members are replaced in the same transaction.</summary>
    Task InsertMessageAsync(ChatMessage message, RoomInfo? room = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored state of an existing message (edit, delete, reactions).</summary>
    Task UpdateMessageAsync(ChatMessage message, CancellationToken cancellationToken = default);

    /// <summary>Rewrites the quoted excerpt in every reply to message <paramref name="seq"/>, so an edit
    /// or a delete of a message also changes (or empties) what the replies show of it.</summary>
    Task RefreshQuotesAsync(string roomId, long seq, string excerpt, CancellationToken cancellationToken = default);

    /// <summary>Messages whose updated seq is after <paramref name="after"/>, ordered by updated seq.</summary>
    Task<MessageSlice> GetAfterAsync(
        string roomId,
        long after,
        int limit,
        CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> messages with seq below <paramref name="before"/>,
    /// returned oldest first.</summary>
    Task<MessageSlice> GetBeforeAsync(
        string roomId,
        long before,
        int limit,
        CancellationToken cancellationToken = default);

    /// <summary>Moves the user's read marker forward to <paramref name="seq"/> (never back) and returns
    /// the marker as stored afterwards.</summary>
    Task<long> MarkReadAsync(string roomId, string user, long seq, CancellationToken cancellationToken = default);

    Task<long> GetReadMarkerAsync(string roomId, string user, CancellationToken cancellationToken = default);

    /// <summary>Every room the user is a member of, newest activity first, with unread counts
    /// (two queries, whatever the number of rooms).</summary>
    Task<IReadOnlyList<RoomSummary>> ListRoomsForUserAsync(
        string user,
        CancellationToken cancellationToken = default);
}
