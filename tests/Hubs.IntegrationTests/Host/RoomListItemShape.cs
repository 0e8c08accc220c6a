namespace Hubs.IntegrationTests.Host;

/// <summary>What the tests read of an entry of <c>GET /api/v1/rooms</c>.</summary>
internal sealed record RoomListItemShape(
    string Id,
    string Name,
    long LastSeq,
    long LastReadSeq,
    int Unread,
    int UnreadMentions);
