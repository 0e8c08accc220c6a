namespace Hubs.Contracts.Identity;

public enum UserEventKind
{
    /// <summary>The user became a member of a room (created, added, or a direct room opened).</summary>
    RoomJoined = 0,

    /// <summary>The user left or was removed from a room.</summary>
    RoomLeft = 1,
}
