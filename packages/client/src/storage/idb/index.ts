// `@mtkit/client/idb`: the browser storage (IndexedDB + Web Locks). No Node imports.
export { IdbStorage } from "./idb-storage.js";
export { IDB_SCHEMA_VERSION } from "./open-idb.js";
