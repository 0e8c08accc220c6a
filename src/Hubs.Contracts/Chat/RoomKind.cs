namespace Hubs.Contracts.Chat;

/// <summary>A named group room, or a one-to-one conversation between two users.</summary>
public enum RoomKind
{
    Group = 0,
    Direct = 1,
}
