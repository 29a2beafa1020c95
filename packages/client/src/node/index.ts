// `@mtkit/client/node`: everything of `@mtkit/client`, with a TelegramClient that defaults to Node
// crypto and TCP, plus SQLite storage. See README.md.
export * from "../index.js";
export { TelegramClient } from "./node-telegram-client.js";
export { SqliteStorage } from "../storage/sqlite/index.js";
