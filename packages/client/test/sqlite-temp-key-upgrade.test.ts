// A session file written by the previous release (schema 1: one temp key per DC) opens with this one
// (schema 2: one temp key per DC and connection kind) and keeps its keys.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SQLITE_MIGRATIONS, SqliteStorage } from "../src/storage/sqlite/index.js";

const dir = mkdtempSync(join(tmpdir(), "mtkit-sqlite-upgrade-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SCHEMA_V1 = readFileSync(new URL("./fixtures/sqlite-schema-v1.sql", import.meta.url), "utf8");
const key = (seed: number): Uint8Array => Uint8Array.from({ length: 256 }, (_, i) => (i + seed) & 0xff);
const words = (sql: string): string =>
  sql
    .replace(/--[^\n]*/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Writes a file the way version 1 did: its schema, user_version 1, a permanent and two temp keys. */
function writeVersion1File(path: string): void {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.exec(SCHEMA_V1);
  db.pragma("user_version = 1");
  db.prepare("INSERT INTO auth_keys (dc_id, key) VALUES (?, ?)").run(2, key(1));
  const putTemp = db.prepare("INSERT INTO temp_auth_keys (dc_id, key, expires_at) VALUES (?, ?, ?)");
  putTemp.run(2, key(2), 5000);
  putTemp.run(4, key(3), 7000);
  db.close();
}

describe("SqliteStorage upgrade from schema 1", () => {
  it("the frozen schema 1 is still migration 1 (released migrations are never edited)", () => {
    expect(words(SQLITE_MIGRATIONS[0] ?? "")).toBe(words(SCHEMA_V1));
  });

  it("moves each DC's temp key to the main slot, keeps the permanent key, and stores media keys beside it", async () => {
    const path = join(dir, "v1.session");
    writeVersion1File(path);

    const upgraded = new SqliteStorage(path);
    expect(upgraded.schemaVersion).toBe(2);
    expect(await upgraded.authKeys.getPermanent(2)).toEqual(key(1));
    expect(await upgraded.authKeys.getTemp(2, 0)).toEqual({ key: key(2), expiresAt: 5000 });
    expect(await upgraded.authKeys.getTemp(2, 0, "main")).toEqual({ key: key(2), expiresAt: 5000 });
    expect(await upgraded.authKeys.getTemp(4, 6999, "main")).toEqual({ key: key(3), expiresAt: 7000 });
    expect(await upgraded.authKeys.getTemp(2, 0, "media")).toBeNull();
    await upgraded.authKeys.setTemp(2, { key: key(4), expiresAt: 9000 }, "media");
    await upgraded.close();

    const reopened = new SqliteStorage(path);
    expect(reopened.schemaVersion).toBe(2);
    expect(await reopened.authKeys.getTemp(2, 0, "main")).toEqual({ key: key(2), expiresAt: 5000 });
    expect(await reopened.authKeys.getTemp(2, 0, "media")).toEqual({ key: key(4), expiresAt: 9000 });
    await reopened.close();
  });

  it("the upgraded table refuses a slot other than main and media", async () => {
    const path = join(dir, "check.session");
    writeVersion1File(path);
    await new SqliteStorage(path).close();
    const raw = new Database(path);
    expect(() =>
      raw.prepare("INSERT INTO temp_auth_keys (dc_id, slot, key, expires_at) VALUES (1, 'cdn', ?, 1)").run(key(5)),
    ).toThrow(/CHECK constraint/);
    raw.close();
  });
});
