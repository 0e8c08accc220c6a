using System.Globalization;

namespace Hubs.Grains.Chat;

/// <summary>Room ids the server and grains agree on.</summary>
public static class RoomIds
{
    /// <summary>
    /// The id of the direct room of two users: <c>dm.{length of a}.{a}.{b}</c> with the names in ordinal
    /// order. User names may hold dots, so without the length <c>a</c> + <c>b.c</c> and <c>a.b</c> +
    /// <c>c</c> would share one id.
    /// </summary>
    public static string Direct(string user, string otherUser)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(otherUser);
        var (first, second) = string.CompareOrdinal(user, otherUser) <= 0 ? (user, otherUser) : (otherUser, user);
        return string.Create(CultureInfo.InvariantCulture, $"dm.{first.Length}.{first}.{second}");
    }

    /// <summary>A new random id for a group room.</summary>
    public static string NewGroup() => $"r.{Guid.NewGuid():N}";
}
