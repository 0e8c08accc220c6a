namespace Hubs.Grains.Chat;

/// <summary>Room ids the server and grains agree on.</summary>
public static class RoomIds
{
    /// <summary>The id of the direct room of two users: <c>dm.{a}.{b}</c> with the names in ordinal order.</summary>
    public static string Direct(string user, string otherUser)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(otherUser);
        return string.CompareOrdinal(user, otherUser) <= 0 ? $"dm.{user}.{otherUser}" : $"dm.{otherUser}.{user}";
    }

    /// <summary>A new random id for a group room.</summary>
    public static string NewGroup() => $"r.{Guid.NewGuid():N}";
}
