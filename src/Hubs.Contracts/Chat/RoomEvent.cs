namespace Hubs.Contracts.Chat;

/// <summary>
/// A real-time event of one room. <see cref="Seq"/> is the room sequence the event produced
/// (for <see cref="RoomEventKind.Typing"/>, the room's current sequence). A client that sees a gap
/// between the seq it holds and an event's seq asks for everything after the seq it holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("hubs.RoomEvent")]
public sealed record RoomEvent(
    string RoomId,
    long Seq,
    RoomEventKind Kind,
    ChatMessage? Message,
    RoomInfo? Room,
    string? User,
    bool Typing);
