using Hubs.Contracts.Chat;
using Hubs.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hubs.Storage.Chat;

/// <summary><see cref="IChatStore"/> on the <c>messages</c>, <c>rooms</c>, <c>room_members</c> and
/// <c>read_markers</c> tables.</summary>
public sealed class SqliteChatStore(SqliteDatabase database) : IChatStore
{
    private const string MessageColumns = """
        room_id, seq, updated_seq, kind, sender, client_id, text, created_at, edited_at, deleted,
        reply_to, mentions, reactions
        """;

    /// <inheritdoc />
    public async Task<long> GetLastSeqAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(updated_seq), 0) FROM messages WHERE room_id = $r";
        command.Parameters.AddWithValue("$r", roomId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <inheritdoc />
    public async Task<ChatMessage?> GetMessageAsync(
        string roomId,
        long seq,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MessageColumns} FROM messages WHERE room_id = $r AND seq = $s";
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$s", seq);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ChatMessage?> FindByClientIdAsync(
        string roomId,
        string sender,
        string clientId,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {MessageColumns} FROM messages WHERE room_id = $r AND sender = $u AND client_id = $c
            """;
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$u", sender);
        command.Parameters.AddWithValue("$c", clientId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task InsertMessageAsync(
        ChatMessage message,
        RoomInfo? room = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (room is not null)
        {
            await SaveRoomAsync(connection, transaction, room, cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO messages ({MessageColumns})
                VALUES ($r, $s, $us, $k, $u, $c, $t, $ca, $ea, $d, $rt, $m, $re)
                """;
            AddMessageParameters(command, message);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpdateMessageAsync(ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE messages SET updated_seq = $us, kind = $k, sender = $u, client_id = $c, text = $t,
                created_at = $ca, edited_at = $ea, deleted = $d, reply_to = $rt, mentions = $m, reactions = $re
            WHERE room_id = $r AND seq = $s
            """;
        AddMessageParameters(command, message);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Message {message.Seq} of room {message.RoomId} is not stored.");
        }
    }

    /// <inheritdoc />
    public async Task RefreshQuotesAsync(
        string roomId,
        long seq,
        string excerpt,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE messages SET reply_to = json_set(reply_to, '$.excerpt', $e)
            WHERE room_id = $r AND reply_to IS NOT NULL AND json_extract(reply_to, '$.seq') = $s
            """;
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$s", seq);
        command.Parameters.AddWithValue("$e", excerpt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MessageSlice> GetAfterAsync(
        string roomId,
        long after,
        int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {MessageColumns} FROM messages WHERE room_id = $r AND updated_seq > $a
            ORDER BY updated_seq LIMIT $l
            """;
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$a", after);
        return await ReadPageAsync(command, limit, newestFirst: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MessageSlice> GetBeforeAsync(
        string roomId,
        long before,
        int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {MessageColumns} FROM messages WHERE room_id = $r AND seq < $b
            ORDER BY seq DESC LIMIT $l
            """;
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$b", before);
        return await ReadPageAsync(command, limit, newestFirst: true, cancellationToken);
    }

    /// <summary>Runs a page query with <c>$l</c> set to one more than <paramref name="limit"/>: the extra
    /// row only tells that more exist. Pages are returned oldest first.</summary>
    private static async Task<MessageSlice> ReadPageAsync(
        SqliteCommand command,
        int limit,
        bool newestFirst,
        CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$l", limit + 1);
        var messages = await ReadManyAsync(command, cancellationToken);
        var hasMore = messages.Count > limit;
        if (hasMore)
        {
            messages.RemoveAt(messages.Count - 1);
        }

        if (newestFirst)
        {
            messages.Reverse();
        }

        return new MessageSlice(messages, hasMore);
    }

    /// <inheritdoc />
    public async Task<long> MarkReadAsync(
        string roomId,
        string user,
        long seq,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO read_markers (room_id, user, last_read_seq) VALUES ($r, $u, $s)
            ON CONFLICT (room_id, user) DO UPDATE SET last_read_seq = MAX(last_read_seq, excluded.last_read_seq)
            RETURNING last_read_seq
            """;
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$s", seq);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <inheritdoc />
    public async Task<long> GetReadMarkerAsync(
        string roomId,
        string user,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_read_seq FROM read_markers WHERE room_id = $r AND user = $u";
        command.Parameters.AddWithValue("$r", roomId);
        command.Parameters.AddWithValue("$u", user);
        return await command.ExecuteScalarAsync(cancellationToken) as long? ?? 0L;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RoomSummary>> ListRoomsForUserAsync(
        string user,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // One snapshot for both queries, so members and counts describe the same moment.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var members = new Dictionary<string, List<RoomMember>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT m.room_id, m.user, m.role FROM room_members m
                WHERE m.room_id IN (SELECT room_id FROM room_members WHERE user = $u)
                ORDER BY m.room_id, m.role DESC, m.user
                """;
            command.Parameters.AddWithValue("$u", user);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var roomId = reader.GetString(0);
                if (!members.TryGetValue(roomId, out var list))
                {
                    list = [];
                    members.Add(roomId, list);
                }

                list.Add(new RoomMember(reader.GetString(1), (RoomRole)reader.GetInt32(2)));
            }
        }

        var rooms = new List<RoomSummary>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT r.id, r.name, r.kind, r.created_at,
                    COALESCE((SELECT MAX(m.updated_seq) FROM messages m WHERE m.room_id = r.id), 0) AS last_seq,
                    COALESCE(k.last_read_seq, 0) AS last_read,
                    (SELECT COUNT(*) FROM messages m
                        WHERE m.room_id = r.id AND m.seq > COALESCE(k.last_read_seq, 0)
                            AND m.kind = 0 AND m.deleted = 0 AND m.sender <> $u) AS unread,
                    (SELECT COUNT(*) FROM messages m
                        WHERE m.room_id = r.id AND m.seq > COALESCE(k.last_read_seq, 0)
                            AND m.kind = 0 AND m.deleted = 0 AND m.sender <> $u
                            AND EXISTS (SELECT 1 FROM json_each(m.mentions) j WHERE j.value IN ($u, 'all')))
                        AS unread_mentions
                FROM room_members me
                JOIN rooms r ON r.id = me.room_id
                LEFT JOIN read_markers k ON k.room_id = r.id AND k.user = $u
                WHERE me.user = $u
                ORDER BY last_seq DESC, r.id
                """;
            command.Parameters.AddWithValue("$u", user);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                var info = new RoomInfo(
                    id,
                    reader.GetString(1),
                    (RoomKind)reader.GetInt32(2),
                    members.TryGetValue(id, out var list) ? [.. list] : [],
                    reader.GetInt64(4),
                    SqliteValues.ParseTime(reader.GetString(3)));
                rooms.Add(new RoomSummary(info, reader.GetInt64(5), reader.GetInt32(6), reader.GetInt32(7)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return rooms;
    }

    private static async Task SaveRoomAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        RoomInfo room,
        CancellationToken cancellationToken)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO rooms (id, name, kind, created_at) VALUES ($r, $n, $k, $c)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind;
                DELETE FROM room_members WHERE room_id = $r;
                INSERT INTO room_members (room_id, user, role)
                SELECT $r, json_extract(j.value, '$.user'), json_extract(j.value, '$.role')
                FROM json_each($members) j;
                """;
            command.Parameters.AddWithValue("$r", room.Id);
            command.Parameters.AddWithValue("$n", room.Name);
            command.Parameters.AddWithValue("$k", (int)room.Kind);
            command.Parameters.AddWithValue("$c", SqliteValues.FormatTime(room.CreatedAt));
            command.Parameters.AddWithValue(
                "$members",
                SqliteValues.ToJson(room.Members.Select(m => new { user = m.User, role = (int)m.Role })));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddMessageParameters(SqliteCommand command, ChatMessage message)
    {
        command.Parameters.AddWithValue("$r", message.RoomId);
        command.Parameters.AddWithValue("$s", message.Seq);
        command.Parameters.AddWithValue("$us", message.UpdatedSeq);
        command.Parameters.AddWithValue("$k", (int)message.Kind);
        command.Parameters.AddWithValue("$u", message.Sender);
        command.Parameters.AddWithValue("$c", (object?)message.ClientId ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", message.Text);
        command.Parameters.AddWithValue("$ca", SqliteValues.FormatTime(message.CreatedAt));
        command.Parameters.AddWithValue(
            "$ea",
            message.EditedAt is { } edited ? SqliteValues.FormatTime(edited) : DBNull.Value);
        command.Parameters.AddWithValue("$d", message.Deleted ? 1 : 0);
        command.Parameters.AddWithValue(
            "$rt",
            message.ReplyTo is { } quote ? SqliteValues.ToJson(quote) : DBNull.Value);
        command.Parameters.AddWithValue("$m", SqliteValues.ToJson(message.Mentions));
        command.Parameters.AddWithValue("$re", SqliteValues.ToJson(message.Reactions));
    }

    private static async Task<ChatMessage?> ReadSingleAsync(
        SqliteCommand command,
        CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMessage(reader) : null;
    }

    private static async Task<List<ChatMessage>> ReadManyAsync(
        SqliteCommand command,
        CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<ChatMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(ReadMessage(reader));
        }

        return messages;
    }

    private static ChatMessage ReadMessage(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        (MessageKind)reader.GetInt32(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        SqliteValues.ParseTime(reader.GetString(7)),
        reader.IsDBNull(8) ? null : SqliteValues.ParseTime(reader.GetString(8)),
        reader.GetInt64(9) != 0,
        reader.IsDBNull(10) ? null : SqliteValues.FromJson<MessageQuote>(reader.GetString(10)),
        SqliteValues.FromJson<string[]>(reader.GetString(11)),
        SqliteValues.FromJson<Reaction[]>(reader.GetString(12)));
}
