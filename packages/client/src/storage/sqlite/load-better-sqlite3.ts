import { createRequire } from "node:module";
import type Database from "better-sqlite3";
import { StorageError } from "../storage-error.js";

export type BetterSqlite3 = typeof Database;

let loaded: BetterSqlite3 | undefined;

/**
 * better-sqlite3 is an optional peer dependency of `@mtkit/client`: browser, Deno and Bun users
 * never install its native addon. It is loaded when the first SqliteStorage opens, so importing
 * `@mtkit/client/node` works without it, and a missing install is a typed error that says what to do.
 */
export function loadBetterSqlite3(require: (id: string) => unknown = createRequire(import.meta.url)): BetterSqlite3 {
  if (loaded !== undefined) return loaded;
  try {
    loaded = require("better-sqlite3") as BetterSqlite3;
  } catch (error) {
    throw new StorageError(
      "BACKEND_MISSING",
      "SqliteStorage needs better-sqlite3 12, an optional peer dependency of @mtkit/client: run `npm install better-sqlite3@12` " +
        "(or use MemoryStorage, or your own ClientStorage)",
      { cause: error },
    );
  }
  return loaded;
}
