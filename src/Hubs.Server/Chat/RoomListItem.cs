using Hubs.Contracts.Chat;
using Hubs.Storage.Chat;

namespace Hubs.Server.Chat;

/// <summary>A room in <c>GET /api/v1/rooms</c>: the room object plus the caller's unread counts.</summary>
public sealed record RoomListItem(
    string Id,
    string Name,
    RoomKind Kind,
    RoomMember[] Members,
    long LastSeq,
    DateTimeOffset CreatedAt,
    long LastReadSeq,
    int Unread,
    int UnreadMentions)
{
    public static RoomListItem From(RoomSummary summary) => new(
        summary.Room.Id,
        summary.Room.Name,
        summary.Room.Kind,
        summary.Room.Members,
        summary.Room.LastSeq,
        summary.Room.CreatedAt,
        summary.LastReadSeq,
        summary.Unread,
        summary.UnreadMentions);
}
