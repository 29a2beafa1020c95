import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { WorldTables } from "../world/tables.js";
import { decodeRow, encodeRow } from "./row-codec.js";
import type { RowKey, ScanOptions, Table, WorldStore } from "./world-store.js";

type Db = Database.Database;

/** Thrown when the data directory cannot be opened (locked by another server, unreadable). */
export class WorldStoreError extends Error {
  override readonly name = "WorldStoreError";
  readonly code = "STORE_UNAVAILABLE";
}

class SqliteTable<V> implements Table<V> {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${name}" (grp TEXT NOT NULL, k NOT NULL, v TEXT NOT NULL, PRIMARY KEY (grp, k)) WITHOUT ROWID`,
    );
  }

  get(group: string, key: RowKey): V | undefined {
    const row = this.statement("get", `SELECT v FROM "${this.name}" WHERE grp = ? AND k = ?`).get(group, key) as
      { v: string } | undefined;
    return row === undefined ? undefined : (decodeRow(row.v) as V);
  }

  put(group: string, key: RowKey, value: V): void {
    this.statement("put", `INSERT OR REPLACE INTO "${this.name}" (grp, k, v) VALUES (?, ?, ?)`).run(
      group,
      key,
      encodeRow(value),
    );
  }

  delete(group: string, key: RowKey): boolean {
    return this.statement("delete", `DELETE FROM "${this.name}" WHERE grp = ? AND k = ?`).run(group, key).changes > 0;
  }

  scan(group: string, options: ScanOptions = {}): V[] {
    const [where, params] = bounds(group, options);
    const order = options.reverse === true ? "DESC" : "ASC";
    const sql = `SELECT v FROM "${this.name}" WHERE ${where} ORDER BY k ${order} LIMIT ? OFFSET ?`;
    const rows = this.statement(`scan:${where}:${order}`, sql).all(
      ...params,
      options.limit ?? -1,
      options.skip ?? 0,
    ) as { v: string }[];
    return rows.map((row) => decodeRow(row.v) as V);
  }

  count(group: string, options: Pick<ScanOptions, "above" | "below"> = {}): number {
    const [where, params] = bounds(group, options);
    const row = this.statement(`count:${where}`, `SELECT COUNT(*) AS n FROM "${this.name}" WHERE ${where}`).get(
      ...params,
    ) as { n: number };
    return row.n;
  }

  private statement(key: string, sql: string): Database.Statement {
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

function bounds(group: string, options: Pick<ScanOptions, "above" | "below">): [string, RowKey[]] {
  let where = "grp = ?";
  const params: RowKey[] = [group];
  if (options.above !== undefined) {
    where += " AND k > ?";
    params.push(options.above);
  }
  if (options.below !== undefined) {
    where += " AND k < ?";
    params.push(options.below);
  }
  return [where, params];
}

/**
 * The world in `<dir>/world.sqlite` (better-sqlite3, synchronous like the world): restart the server
 * on the same directory and every account, chat, message and update box is still there. One
 * process at a time: the file is locked exclusively.
 */
export class SqliteWorldStore implements WorldStore {
  private readonly tables = new Map<string, SqliteTable<unknown>>();

  private constructor(private readonly db: Db) {}

  static open(dir: string): SqliteWorldStore {
    try {
      mkdirSync(dir, { recursive: true });
      const db = new Database(join(dir, "world.sqlite"), { timeout: 0 });
      db.pragma("locking_mode = EXCLUSIVE");
      db.pragma("journal_mode = WAL");
      db.exec("BEGIN IMMEDIATE; COMMIT");
      return new SqliteWorldStore(db);
    } catch (error) {
      throw new WorldStoreError(`cannot open the world in ${dir}: ${String(error)}`, { cause: error });
    }
  }

  table<K extends keyof WorldTables>(name: K): Table<WorldTables[K]> {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new SqliteTable<unknown>(this.db, name);
      this.tables.set(name, table);
    }
    return table as Table<WorldTables[K]>;
  }

  transaction<T>(fn: () => T): T {
    // better-sqlite3 turns a nested transaction into a savepoint.
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
