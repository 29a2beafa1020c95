// better-sqlite3 is an optional peer: the Node entry must load without it, and SqliteStorage must
// say how to get it instead of failing with a bare "module not found".
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StorageError } from "../src/storage/storage-error.js";
import { loadBetterSqlite3 } from "../src/storage/sqlite/load-better-sqlite3.js";

describe("loadBetterSqlite3", () => {
  it("turns a missing install into StorageError BACKEND_MISSING that names the install command", () => {
    const missing = (id: string): never => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
    };
    const error: unknown = (() => {
      try {
        return loadBetterSqlite3(missing);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: "BACKEND_MISSING" });
    expect((error as Error).message).toContain("npm install better-sqlite3@12");
    expect((error as Error).cause).toMatchObject({ code: "MODULE_NOT_FOUND" });
  });

  it("loads the installed one", () => {
    expect(typeof loadBetterSqlite3()).toBe("function");
  });

  it("no source file imports better-sqlite3 at module load (only types and the loader)", () => {
    const dir = new URL("../src/storage/sqlite/", import.meta.url);
    const eager = readdirSync(dir)
      .filter((file) => /^import (?!type )[^;]*from "better-sqlite3"/m.test(readFileSync(new URL(file, dir), "utf8")))
      .sort();
    expect(eager).toEqual([]);
  });
});
