namespace Hubs.Contracts.Chat;

/// <summary>Limits every layer applies the same way.</summary>
public static class ChatLimits
{
    /// <summary>Longest message text, in UTF-16 characters.</summary>
    public const int MaxMessageLength = 32_000;

    public const int MaxRoomNameLength = 200;

    public const int MaxClientIdLength = 100;

    public const int MaxMembersPerRequest = 1_000;

    public const int MaxPageSize = 500;

    public const int DefaultPageSize = 50;
}
