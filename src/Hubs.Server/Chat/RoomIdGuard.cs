using Hubs.Contracts.Errors;

namespace Hubs.Server.Chat;

/// <summary>Refuses ids no room can have, so a URL cannot activate arbitrary grains.</summary>
public static class RoomIdGuard
{
    public const int MaxLength = 160;

    public static string Check(string id)
    {
        if (id.Length is 0 or > MaxLength
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new HubsException(HubsError.NotFound, "There is no such room.");
        }

        return id;
    }
}
