using System.Security.Cryptography;
using System.Text;
using Hubs.Storage.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Hubs.Server.Identity;

/// <summary>
/// Creates and resolves login sessions. The cookie carries a random id; the store keeps only its
/// SHA-256, so the database alone does not hand out live sessions.
/// </summary>
public sealed class SessionService(ISessionStore store, TimeProvider time)
{
    public const string CookieName = "__Host-hubs-session";

    /// <summary>A session unused for this long ends.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromDays(14);

    // Writing last-seen on every request would make every read a write; once a minute is plenty.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<(string CookieValue, UserSession Session)> CreateAsync(
        string user,
        CancellationToken cancellationToken = default)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var csrf = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var session = new UserSession(HashId(id), user, csrf, now, now);
        await store.CreateAsync(session, cancellationToken);
        return (id, session);
    }

    /// <summary>The live session for a cookie value, or null when it is unknown or has expired.</summary>
    public async Task<UserSession?> FindAsync(string cookieValue, CancellationToken cancellationToken = default)
    {
        if (cookieValue.Length is 0 or > 100)
        {
            return null;
        }

        var idHash = HashId(cookieValue);
        var session = await store.FindAsync(idHash, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - session.LastSeenAt > IdleTimeout)
        {
            await store.DeleteAsync(idHash, cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt > TouchInterval)
        {
            await store.TouchAsync(idHash, now, cancellationToken);
        }

        return session;
    }

    /// <summary>True while the session with this hash exists (it was not logged out or expired).</summary>
    public async Task<bool> IsLiveAsync(string idHash, CancellationToken cancellationToken = default)
    {
        var session = await store.FindAsync(idHash, cancellationToken);
        return session is not null && time.GetUtcNow() - session.LastSeenAt <= IdleTimeout;
    }

    public Task DeleteAsync(string idHash, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(idHash, cancellationToken);

    public static string HashId(string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
