using System.Security.Cryptography;
using Hubs.Contracts.Errors;

namespace Hubs.Server.Chat;

/// <summary>Room ids: random for group rooms, derived from both names for direct rooms.</summary>
public static class RoomIds
{
    public const int MaxLength = 160;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>20 random base-36 characters (about 103 bits).</summary>
    public static string NewGroupId() => RandomNumberGenerator.GetString(Alphabet, 20);

    /// <summary>The same id for both members, whoever opens it first. ':' never occurs in a user name.</summary>
    public static string Direct(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? $"direct:{a}:{b}" : $"direct:{b}:{a}";

    /// <summary>Refuses ids no room can have, so a URL cannot activate arbitrary grains.</summary>
    public static string Check(string id)
    {
        if (id.Length is 0 or > MaxLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-'))
        {
            throw new HubsException(HubsError.NotFound, "There is no such room.");
        }

        return id;
    }
}
