using Hubs.Contracts.Chat;

namespace Hubs.Storage.Chat;

/// <summary>One room in a user's room list, with that user's read position and unread counts.</summary>
/// <param name="Unread">Text messages after <paramref name="LastReadSeq"/>, not deleted, sent by others.</param>
/// <param name="UnreadMentions">Those among the unread that mention the user or <c>@all</c>.</param>
public sealed record RoomSummary(RoomInfo Room, long LastReadSeq, int Unread, int UnreadMentions);
