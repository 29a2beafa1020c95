import type { WorldTables } from "../world/tables.js";
import { compareKeys, type RowKey, type ScanOptions, type Table, type WorldStore } from "./world-store.js";

class Group<V> {
  readonly rows = new Map<RowKey, V>();
  /** Keys in order; rebuilt lazily after an insertion out of order or a deletion. */
  private sorted: RowKey[] = [];
  private dirty = false;

  put(key: RowKey, value: V): void {
    if (!this.rows.has(key)) {
      const last = this.sorted[this.sorted.length - 1];
      if (!this.dirty && (last === undefined || compareKeys(last, key) < 0)) this.sorted.push(key);
      else this.dirty = true;
    }
    this.rows.set(key, value);
  }

  delete(key: RowKey): boolean {
    const had = this.rows.delete(key);
    if (had) this.dirty = true;
    return had;
  }

  keys(): RowKey[] {
    if (this.dirty) {
      this.sorted = [...this.rows.keys()].sort(compareKeys);
      this.dirty = false;
    }
    return this.sorted;
  }

  /** Index range [start, end) of the keys within the bounds (binary search). */
  bounds(options: Pick<ScanOptions, "above" | "below">): [number, number] {
    const keys = this.keys();
    const start = options.above === undefined ? 0 : firstIndex(keys, (key) => compareKeys(key, options.above!) > 0);
    const end =
      options.below === undefined ? keys.length : firstIndex(keys, (key) => compareKeys(key, options.below!) >= 0);
    return [start, Math.max(start, end)];
  }
}

function firstIndex(keys: readonly RowKey[], test: (key: RowKey) => boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(keys[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

class MemoryTable<V> implements Table<V> {
  private readonly groups = new Map<string, Group<V>>();

  get(group: string, key: RowKey): V | undefined {
    return this.groups.get(group)?.rows.get(key);
  }

  put(group: string, key: RowKey, value: V): void {
    let rows = this.groups.get(group);
    if (rows === undefined) {
      rows = new Group<V>();
      this.groups.set(group, rows);
    }
    rows.put(key, value);
  }

  delete(group: string, key: RowKey): boolean {
    return this.groups.get(group)?.delete(key) ?? false;
  }

  scan(group: string, options: ScanOptions = {}): V[] {
    const rows = this.groups.get(group);
    if (rows === undefined) return [];
    const [start, end] = rows.bounds(options);
    const keys = rows.keys();
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const out: V[] = [];
    const count = end - start;
    for (let i = skip; i < count && out.length < limit; i++) {
      const key = keys[options.reverse === true ? end - 1 - i : start + i]!;
      out.push(rows.rows.get(key)!);
    }
    return out;
  }

  count(group: string, options: Pick<ScanOptions, "above" | "below"> = {}): number {
    const rows = this.groups.get(group);
    if (rows === undefined) return 0;
    const [start, end] = rows.bounds(options);
    return end - start;
  }
}

/** The world in memory: gone when the process ends. Values are stored as given (treat them as immutable). */
export class MemoryWorldStore implements WorldStore {
  private readonly tables = new Map<string, MemoryTable<unknown>>();

  table<K extends keyof WorldTables>(name: K): Table<WorldTables[K]> {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = new MemoryTable<unknown>();
      this.tables.set(name, table);
    }
    return table as Table<WorldTables[K]>;
  }

  transaction<T>(fn: () => T): T {
    return fn();
  }

  close(): void {
    this.tables.clear();
  }
}
