import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SessionLockedError, StorageError } from "../src/index.js";
import { SQLITE_MIGRATIONS, SqliteStorage } from "../src/storage/sqlite/index.js";

const dir = mkdtempSync(join(tmpdir(), "mtkit-sqlite-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const CHILD = fileURLToPath(new URL("./fixtures/session-child.ts", import.meta.url));
const key = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Starts the child in `mode`; resolves with it once it printed `until` (or exited). */
function startChild(
  mode: string,
  path: string,
  until?: string,
): Promise<{ output: string; exit: Promise<number | null>; kill: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, mode, path], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exit = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      resolve(code);
    }),
  );
  let output = "";
  return new Promise((resolve) => {
    const done = (): void => {
      resolve({ output: output.trim(), exit, kill: () => child.kill("SIGKILL") });
    };
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (until !== undefined && output.includes(until)) done();
    });
    void exit.then(done);
  });
}

describe("SqliteStorage", () => {
  it("refuses a session another process holds with SessionLockedError, and frees it when that process dies", async () => {
    const path = join(dir, "locked.session");
    const holder = await startChild("hold", path, "ready");
    expect(holder.output).toBe("ready");
    let error: unknown;
    try {
      new SqliteStorage(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SessionLockedError);
    expect(error).toMatchObject({ code: "SESSION_LOCKED", path });
    expect(String(error)).toMatch(/AUTH_KEY_DUPLICATED/);
    holder.kill();
    await holder.exit;
    const storage = new SqliteStorage(path);
    await storage.close();
  });

  it("gives a second process a SessionLockedError while we hold the file", async () => {
    const path = join(dir, "ours.session");
    const storage = new SqliteStorage(path);
    const other = await startChild("try-open", path);
    expect(other.output).toBe("SESSION_LOCKED");
    await storage.close();
    const again = await startChild("try-open", path);
    expect(again.output).toBe("opened");
  });

  it("locks against a second connection in the same process too", async () => {
    const path = join(dir, "same-process.session");
    const first = new SqliteStorage(path);
    expect(() => new SqliteStorage(path)).toThrow(SessionLockedError);
    await first.close();
    await new SqliteStorage(path).close();
  });

  it("keeps an auth key written just before the process was SIGKILLed", async () => {
    const path = join(dir, "durable.session");
    const child = await startChild("write-and-die", path);
    expect(child.output).toBe("");
    expect(await child.exit).toBeNull();
    const storage = new SqliteStorage(path);
    expect(await storage.authKeys.getPermanent(2)).toEqual(key);
    await storage.close();
  });

  it("keeps everything across close and reopen, in a file only the owner can read", async () => {
    const path = join(dir, "reopen.session");
    const first = new SqliteStorage(path);
    await first.authKeys.setPermanent(4, key);
    await first.session.setHomeDc({ id: 4, ip: "149.154.167.91", port: 443 });
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    await first.peers.upsert([
      {
        kind: "user",
        id: 1n,
        accessHash: 2n,
        isMin: false,
        usernames: ["a_b"],
        phone: null,
        seenIn: null,
        updatedAt: 5,
      },
    ]);
    await first.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = new SqliteStorage(path);
    expect(second.schemaVersion).toBe(SQLITE_MIGRATIONS.length);
    expect(await second.authKeys.getPermanent(4)).toEqual(key);
    expect(await second.session.getHomeDc()).toEqual({ id: 4, ip: "149.154.167.91", port: 443 });
    expect((await second.peers.getByUsername("A_B"))?.accessHash).toBe(2n);
    await second.close();
  });

  it("uses WAL and refuses a file written by a newer schema", async () => {
    const path = join(dir, "future.session");
    await new SqliteStorage(path).close();
    const raw = new Database(path);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => new SqliteStorage(path)).toThrow(expect.objectContaining({ code: "SCHEMA_TOO_NEW" }));
    // The failed open must not leave the file locked.
    const again = new Database(path, { timeout: 0 });
    expect(again.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length + 1);
    again.close();
  });

  it("reports a path it cannot open as a StorageError", () => {
    expect(() => new SqliteStorage(join(dir, "missing-dir", "x.session"))).toThrow(StorageError);
  });
});
