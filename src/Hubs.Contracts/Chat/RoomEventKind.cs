namespace Hubs.Contracts.Chat;

/// <summary>What happened in a room.</summary>
public enum RoomEventKind
{
    MessagePosted = 0,
    MessageEdited = 1,
    MessageDeleted = 2,
    ReactionChanged = 3,
    /// <summary>Name, members or roles changed; the event carries the new <see cref="RoomInfo"/>.</summary>
    RoomChanged = 4,
    /// <summary>A member started or stopped typing. Ephemeral: it does not advance the sequence.</summary>
    Typing = 5,
}
