namespace Hubs.Storage.Identity;

/// <summary>
/// A server-side login session. The cookie carries the opaque session id; the store keeps only
/// its SHA-256 (<see cref="IdHash"/>), so a copy of the database does not hand out live sessions.
/// </summary>
public sealed record UserSession(
    string IdHash,
    string User,
    string CsrfToken,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt);
