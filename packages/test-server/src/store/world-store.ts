import type { WorldTables } from "../world/tables.js";

/** A row key inside a group: numbers sort before strings, numbers numerically, strings by code unit. */
export type RowKey = number | string;

/** Bounds and paging of a scan inside one group, in key order (or reversed). */
export interface ScanOptions {
  /** Only keys strictly greater than this. */
  readonly above?: RowKey;
  /** Only keys strictly less than this. */
  readonly below?: RowKey;
  readonly reverse?: boolean;
  /** Rows skipped after the bounds and the direction are applied. */
  readonly skip?: number;
  readonly limit?: number;
}

/**
 * One table of the world: rows grouped (e.g. the messages of one account), ordered by key inside a
 * group. Every operation is synchronous so a world operation is atomic between two awaits.
 */
export interface Table<V> {
  get(group: string, key: RowKey): V | undefined;
  put(group: string, key: RowKey, value: V): void;
  delete(group: string, key: RowKey): boolean;
  scan(group: string, options?: ScanOptions): V[];
  count(group: string, options?: Pick<ScanOptions, "above" | "below">): number;
}

/**
 * The one storage interface of the world. `MemoryWorldStore` keeps it in maps, `SqliteWorldStore`
 * in a file (`--data DIR`), so a restarted server finds its world again.
 */
export interface WorldStore {
  table<K extends keyof WorldTables>(name: K): Table<WorldTables[K]>;
  /** Runs `fn` atomically (one SQLite transaction); nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export function compareKeys(a: RowKey, b: RowKey): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
