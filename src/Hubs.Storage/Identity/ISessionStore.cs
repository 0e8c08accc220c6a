namespace Hubs.Storage.Identity;

/// <summary>Login sessions (the <c>sessions</c> domain table), looked up by the hash of their id.</summary>
public interface ISessionStore
{
    Task CreateAsync(UserSession session, CancellationToken cancellationToken = default);

    Task<UserSession?> FindAsync(string idHash, CancellationToken cancellationToken = default);

    Task TouchAsync(string idHash, DateTimeOffset lastSeenAt, CancellationToken cancellationToken = default);

    Task DeleteAsync(string idHash, CancellationToken cancellationToken = default);
}
