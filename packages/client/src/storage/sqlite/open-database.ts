import { chmodSync, closeSync, openSync } from "node:fs";
import type Database from "better-sqlite3";
import { SessionLockedError, StorageError } from "../storage-error.js";
import { loadBetterSqlite3 } from "./load-better-sqlite3.js";
import { MIGRATIONS } from "./migrations.js";

type SqliteDatabase = Database.Database;

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

/**
 * Opens the session file, takes the exclusive lock, and brings the schema up to date.
 *
 * - `locking_mode=EXCLUSIVE` before WAL: SQLite then keeps the WAL index in heap memory and holds
 *   the file lock from the first write until close (https://www.sqlite.org/wal.html#noshm). A second
 *   process (or connection) gets SQLITE_BUSY at once (`timeout: 0`), which we turn into
 *   `SessionLockedError`. The OS drops the lock when the process dies, so there is no stale lock file.
 * - `synchronous=FULL`: every commit is fsynced, so an auth key is on disk when the write returns.
 */
export function openSessionDatabase(path: string): SqliteDatabase {
  const Sqlite = loadBetterSqlite3();
  let db: SqliteDatabase;
  try {
    // The file holds auth keys: create it owner-only before SQLite does, so the database and the
    // WAL file (SQLite gives it the database's mode) are never readable by others.
    if (path !== ":memory:" && !path.startsWith("file:")) {
      closeSync(openSync(path, "a", 0o600));
      chmodSync(path, 0o600);
    }
    db = new Sqlite(path, { timeout: 0 });
  } catch (error) {
    throw new StorageError("BACKEND_FAILED", `cannot open ${path}: ${String(error)}`, { cause: error });
  }
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.defaultSafeIntegers(true);
    // An immediate write transaction takes the exclusive lock now, not at the first real write.
    db.exec("BEGIN IMMEDIATE");
    migrate(db);
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
    if (isBusy(error)) throw new SessionLockedError(path, { cause: error });
    if (error instanceof StorageError) throw error;
    throw new StorageError("BACKEND_FAILED", `cannot prepare ${path}: ${String(error)}`, { cause: error });
  }
  return db;
}

function migrate(db: SqliteDatabase): void {
  const version = Number(db.pragma("user_version", { simple: true }));
  if (version > MIGRATIONS.length) {
    throw new StorageError(
      "SCHEMA_TOO_NEW",
      `session schema version ${version} is newer than this library knows (${MIGRATIONS.length}); upgrade @mtkit/client`,
    );
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.exec(MIGRATIONS[next] ?? "");
    db.pragma(`user_version = ${next + 1}`);
  }
}
