using Hubs.Storage.Sqlite;

namespace Hubs.Storage.Identity;

/// <summary><see cref="ISessionStore"/> on the <c>sessions</c> table.</summary>
public sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    /// <inheritdoc />
    public async Task CreateAsync(UserSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sessions (id_hash, user, csrf_token, created_at, last_seen_at)
            VALUES ($h, $u, $c, $t, $l)
            """;
        command.Parameters.AddWithValue("$h", session.IdHash);
        command.Parameters.AddWithValue("$u", session.User);
        command.Parameters.AddWithValue("$c", session.CsrfToken);
        command.Parameters.AddWithValue("$t", SqliteValues.FormatTime(session.CreatedAt));
        command.Parameters.AddWithValue("$l", SqliteValues.FormatTime(session.LastSeenAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<UserSession?> FindAsync(string idHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id_hash, user, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = $h
            """;
        command.Parameters.AddWithValue("$h", idHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new UserSession(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            SqliteValues.ParseTime(reader.GetString(3)),
            SqliteValues.ParseTime(reader.GetString(4)));
    }

    /// <inheritdoc />
    public async Task TouchAsync(
        string idHash,
        DateTimeOffset lastSeenAt,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sessions SET last_seen_at = $l WHERE id_hash = $h";
        command.Parameters.AddWithValue("$h", idHash);
        command.Parameters.AddWithValue("$l", SqliteValues.FormatTime(lastSeenAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string idHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sessions WHERE id_hash = $h";
        command.Parameters.AddWithValue("$h", idHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
