namespace Hubs.Contracts.Chat;

/// <summary>A member's role in one room. Owners and moderators manage members and moderate messages.</summary>
public enum RoomRole
{
    Member = 0,
    Moderator = 1,
    Owner = 2,
}
