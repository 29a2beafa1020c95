// `@mtkit/client/sqlite`: the Node storage. Kept out of the main entry so browser bundles never import better-sqlite3.
export { SqliteStorage } from "./sqlite-storage.js";
export { MIGRATIONS as SQLITE_MIGRATIONS } from "./migrations.js";
