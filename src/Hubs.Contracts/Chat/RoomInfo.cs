namespace Hubs.Contracts.Chat;

/// <summary>What a member sees of a room: name, kind, members and the room's current sequence.</summary>
/// <param name="LastSeq">The room's sequence counter: the seq of the latest event in the room.</param>
[GenerateSerializer, Immutable, Alias("hubs.RoomInfo")]
public sealed record RoomInfo(
    string Id,
    string Name,
    RoomKind Kind,
    RoomMember[] Members,
    long LastSeq,
    DateTimeOffset CreatedAt);
