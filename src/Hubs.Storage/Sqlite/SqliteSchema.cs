namespace Hubs.Storage.Sqlite;

/// <summary>The schema, written so that running it again changes nothing.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Script = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT NOT NULL
        );
        INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ'));

        CREATE TABLE IF NOT EXISTS grain_state (
            storage_name TEXT NOT NULL,
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (storage_name, state_name, grain_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS accounts (
            user TEXT NOT NULL PRIMARY KEY,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            is_admin INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS sessions (
            id_hash TEXT NOT NULL PRIMARY KEY,
            user TEXT NOT NULL REFERENCES accounts(user) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_sessions_user ON sessions(user);

        CREATE TABLE IF NOT EXISTS rooms (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            kind INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS room_members (
            room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
            user TEXT NOT NULL,
            role INTEGER NOT NULL,
            PRIMARY KEY (room_id, user)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_room_members_user ON room_members(user, room_id);

        CREATE TABLE IF NOT EXISTS messages (
            room_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            updated_seq INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            sender TEXT NOT NULL,
            client_id TEXT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            edited_at TEXT NULL,
            deleted INTEGER NOT NULL,
            reply_to TEXT NULL,
            mentions TEXT NOT NULL,
            reactions TEXT NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_messages_client_id ON messages(room_id, sender, client_id);
        CREATE INDEX IF NOT EXISTS ix_messages_updated_seq ON messages(room_id, updated_seq);

        CREATE TABLE IF NOT EXISTS read_markers (
            room_id TEXT NOT NULL,
            user TEXT NOT NULL,
            last_read_seq INTEGER NOT NULL,
            PRIMARY KEY (room_id, user)
        ) WITHOUT ROWID;
        """;
}
