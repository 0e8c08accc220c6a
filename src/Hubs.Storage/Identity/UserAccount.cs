namespace Hubs.Storage.Identity;

/// <summary>A stored account. <see cref="PasswordHash"/> is a PHC string (Argon2id).</summary>
public sealed record UserAccount(
    string User,
    string DisplayName,
    string PasswordHash,
    bool IsAdmin,
    DateTimeOffset CreatedAt);
