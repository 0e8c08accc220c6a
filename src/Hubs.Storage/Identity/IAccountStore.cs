namespace Hubs.Storage.Identity;

/// <summary>The organisation's user accounts (the <c>accounts</c> domain table).</summary>
public interface IAccountStore
{
    /// <summary>Adds an account; throws <see cref="Hubs.Contracts.Errors.HubsException"/> with
    /// <see cref="Hubs.Contracts.Errors.HubsError.Conflict"/> when the name is taken.</summary>
    Task CreateAsync(UserAccount account, CancellationToken cancellationToken = default);

    Task<UserAccount?> FindAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>All accounts ordered by user name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The names among <paramref name="users"/> that have no account.</summary>
    Task<IReadOnlyList<string>> FindMissingAsync(
        IReadOnlyCollection<string> users,
        CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
