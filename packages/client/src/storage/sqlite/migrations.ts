/**
 * Schema versions of the SQLite session file, applied in order; `PRAGMA user_version` holds how
 * many ran. Only ever append: a released migration is never edited.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `
  CREATE TABLE auth_keys (dc_id INTEGER PRIMARY KEY, key BLOB NOT NULL) STRICT;
  CREATE TABLE temp_auth_keys (dc_id INTEGER PRIMARY KEY, key BLOB NOT NULL, expires_at INTEGER NOT NULL) STRICT;
  CREATE TABLE salts (
    dc_id INTEGER NOT NULL, salt INTEGER NOT NULL, valid_since INTEGER NOT NULL, valid_until INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX salts_by_dc ON salts (dc_id);
  CREATE TABLE session_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE peers (
    kind TEXT NOT NULL, id INTEGER NOT NULL, access_hash INTEGER, is_min INTEGER NOT NULL,
    usernames TEXT NOT NULL, phone TEXT, updated_at INTEGER NOT NULL,
    seen_in_kind TEXT, seen_in_id INTEGER, seen_in_msg INTEGER,
    PRIMARY KEY (kind, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX peers_by_phone ON peers (phone) WHERE phone IS NOT NULL;
  CREATE TABLE peer_usernames (
    username TEXT PRIMARY KEY, kind TEXT NOT NULL, id INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX peer_usernames_by_peer ON peer_usernames (kind, id);
  CREATE TABLE update_state (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 0),
    pts INTEGER NOT NULL, qts INTEGER NOT NULL, date INTEGER NOT NULL, seq INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE channel_pts (channel_id INTEGER PRIMARY KEY, pts INTEGER NOT NULL) STRICT;
  CREATE TABLE kv (key TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
  `,
  // 2: one temp key per (DC, connection kind): the media connection keeps its own bound key too
  // (https://core.telegram.org/api/pfs). SQLite cannot change a primary key in place, so the table
  // is rebuilt; the key version 1 held was the main connection's and moves to the "main" slot.
  `
  CREATE TABLE temp_auth_keys_by_slot (
    dc_id INTEGER NOT NULL, slot TEXT NOT NULL CHECK (slot IN ('main', 'media')),
    key BLOB NOT NULL, expires_at INTEGER NOT NULL,
    PRIMARY KEY (dc_id, slot)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO temp_auth_keys_by_slot (dc_id, slot, key, expires_at)
    SELECT dc_id, 'main', key, expires_at FROM temp_auth_keys;
  DROP TABLE temp_auth_keys;
  ALTER TABLE temp_auth_keys_by_slot RENAME TO temp_auth_keys;
  `,
];
