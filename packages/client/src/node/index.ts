// `@mtkit/client/node`: everything of `@mtkit/client`, with a TelegramClient that defaults to Node
// crypto and TCP, plus SQLite storage. See README.md.
export * from "../index.js";
export { TelegramClient } from "./node-telegram-client.js";
export { SqliteStorage } from "../storage/sqlite/index.js";
export { downloadToFile, type DownloadToFileOptions } from "./download-to-file.js";
export type { NodeUploadSource } from "./node-upload-source.js";
export type { NodeAlbumItem, NodeSendFileOptions, NodeSendSource } from "./node-send-sources.js";
