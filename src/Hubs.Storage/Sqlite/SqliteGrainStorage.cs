using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hubs.Storage.Sqlite;

/// <summary>
/// Grain state in the <c>grain_state</c> table as System.Text.Json, one row per
/// (storage, state name, grain id). The row's version is the ETag: a write or clear succeeds only when
/// the caller holds the stored version (null = no row yet); otherwise it throws
/// <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage(string storageName, SqliteDatabase database) : IGrainStorage
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, payload FROM grain_state
            WHERE storage_name = $s AND state_name = $n AND grain_id = $g
            """;
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            var version = reader.GetInt64(0);
            grainState.State = JsonSerializer.Deserialize<T>(reader.GetString(1), JsonOptions)
                ?? Activator.CreateInstance<T>();
            grainState.ETag = FormatEtag(version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, JsonOptions);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("$p", payload);
        command.Parameters.AddWithValue("$t", now);
        if (grainState.ETag is null)
        {
            command.CommandText = """
                INSERT INTO grain_state (storage_name, state_name, grain_id, version, payload, updated_at)
                VALUES ($s, $n, $g, 1, $p, $t)
                ON CONFLICT DO NOTHING
                RETURNING version
                """;
        }
        else
        {
            command.CommandText = """
                UPDATE grain_state SET version = version + 1, payload = $p, updated_at = $t
                WHERE storage_name = $s AND state_name = $n AND grain_id = $g AND version = $v
                RETURNING version
                """;
            command.Parameters.AddWithValue("$v", ParseEtag(grainState.ETag));
        }

        var result = await command.ExecuteScalarAsync();
        if (result is not long newVersion)
        {
            throw await ConflictAsync(connection, stateName, grainId, grainState.ETag);
        }

        grainState.ETag = FormatEtag(newVersion);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenConnectionAsync();
        if (grainState.ETag is not null)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM grain_state
                WHERE storage_name = $s AND state_name = $n AND grain_id = $g AND version = $v
                """;
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$v", ParseEtag(grainState.ETag));
            if (await command.ExecuteNonQueryAsync() != 1)
            {
                throw await ConflictAsync(connection, stateName, grainId, grainState.ETag);
            }
        }
        else if (await ReadVersionAsync(connection, stateName, grainId) is not null)
        {
            // Clearing with no ETag means "I believe there is no row": a stored row is a conflict.
            throw await ConflictAsync(connection, stateName, grainId, null);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$s", storageName);
        command.Parameters.AddWithValue("$n", stateName);
        command.Parameters.AddWithValue("$g", grainId.ToString());
    }

    private async Task<long?> ReadVersionAsync(SqliteConnection connection, string stateName, GrainId grainId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version FROM grain_state WHERE storage_name = $s AND state_name = $n AND grain_id = $g
            """;
        AddKey(command, stateName, grainId);
        return await command.ExecuteScalarAsync() as long?;
    }

    private async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection,
        string stateName,
        GrainId grainId,
        string? expectedEtag)
    {
        var stored = await ReadVersionAsync(connection, stateName, grainId);
        var storedEtag = stored is { } v ? FormatEtag(v) : "none";
        return new InconsistentStateException(
            $"ETag mismatch for state '{stateName}' of grain {grainId}: "
            + $"expected {expectedEtag ?? "none"}, stored {storedEtag}.",
            storedEtag,
            expectedEtag ?? "none");
    }

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long ParseEtag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
}
