using Microsoft.Data.Sqlite;

namespace Hubs.Storage.Sqlite;

/// <summary>
/// The one SQLite file of an instance (<c>{dataDirectory}/hubs.db</c>): grain state and domain tables.
/// Opens pooled connections with the settings every caller needs and creates the schema on first use.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string connectionString;
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    public SqliteDatabase(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.Combine(Path.GetFullPath(dataDirectory), "hubs.db");
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a connection (from the pool), making sure the schema exists first.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (!schemaReady)
        {
            await EnsureSchemaAsync(cancellationToken);
        }

        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Creates the schema if it is missing; safe to call any number of times.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (schemaReady)
        {
            return;
        }

        await schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (schemaReady)
            {
                return;
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            RestrictToOwner();
            await using (var wal = connection.CreateCommand())
            {
                // journal_mode is stored in the file; setting it once per process is enough.
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(
                cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = SqliteSchema.Script;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            schemaReady = true;
        }
        finally
        {
            schemaLock.Release();
        }
    }

    /// <summary>The database holds accounts and messages: only the server's own user may read it.
    /// SQLite gives its -wal and -shm files the same mode.</summary>
    private void RestrictToOwner()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
