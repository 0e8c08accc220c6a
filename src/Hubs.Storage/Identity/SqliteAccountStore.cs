using Hubs.Contracts.Errors;
using Hubs.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hubs.Storage.Identity;

/// <summary><see cref="IAccountStore"/> on the <c>accounts</c> table.</summary>
public sealed class SqliteAccountStore(SqliteDatabase database) : IAccountStore
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <inheritdoc />
    public async Task CreateAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO accounts (user, display_name, password_hash, is_admin, created_at)
            VALUES ($u, $d, $p, $a, $c)
            """;
        command.Parameters.AddWithValue("$u", account.User);
        command.Parameters.AddWithValue("$d", account.DisplayName);
        command.Parameters.AddWithValue("$p", account.PasswordHash);
        command.Parameters.AddWithValue("$a", account.IsAdmin ? 1 : 0);
        command.Parameters.AddWithValue("$c", SqliteValues.FormatTime(account.CreatedAt));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey
            or SqliteConstraintUnique)
        {
            throw new HubsException(HubsError.Conflict, $"The user name '{account.User}' is taken.");
        }
    }

    /// <inheritdoc />
    public async Task<UserAccount?> FindAsync(string user, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user, display_name, password_hash, is_admin, created_at FROM accounts WHERE user = $u
            """;
        command.Parameters.AddWithValue("$u", user);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user, display_name, password_hash, is_admin, created_at FROM accounts ORDER BY user
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindMissingAsync(
        IReadOnlyCollection<string> users,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT j.value FROM json_each($users) AS j
            WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.user = j.value)
            ORDER BY j.key
            """;
        command.Parameters.AddWithValue("$users", SqliteValues.ToJson(users.Distinct(StringComparer.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var missing = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM accounts";
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        return checked((int)count);
    }

    private static UserAccount Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt64(3) != 0,
        SqliteValues.ParseTime(reader.GetString(4)));
}
