import { TlError } from "./errors.js";
import { MAX_DEPTH } from "./limits.js";
import { BOOL_FALSE_ID, BOOL_TRUE_ID, VECTOR_ID } from "./ids.js";
import type { TlObject, TlRegistry } from "./types.js";
import { encodeUtf8Into, utf8Length } from "./utf8.js";

const INITIAL_CAPACITY = 1024;

/** Not a type guard on purpose: callers keep their element type instead of getting `any[]`. */
function isArray(value: unknown): boolean {
  return Array.isArray(value);
}

/**
 * Growable little-endian writer (https://core.telegram.org/mtproto/serialize).
 * Reuse one instance: `reset()` keeps the buffer, so steady-state encoding does not allocate
 * except for the final `finish()` copy.
 */
export class TlWriter {
  readonly registry: TlRegistry;
  buf: Uint8Array;
  pos = 0;
  private depth = 0;
  private view: DataView;

  constructor(registry: TlRegistry, capacity = INITIAL_CAPACITY) {
    this.registry = registry;
    this.buf = new Uint8Array(Math.max(16, capacity));
    this.view = new DataView(this.buf.buffer);
  }

  reset(): void {
    this.pos = 0;
    this.depth = 0;
  }

  /** Copy of everything written since the last `reset()`. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  private grow(extra: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  int(value: number): void {
    if ((value | 0) !== value && value >>> 0 !== value) {
      throw new TlError("BAD_VALUE", this.pos, "a 32-bit integer", String(value));
    }
    const p = this.pos;
    if (p + 4 > this.buf.length) this.grow(4);
    const b = this.buf;
    b[p] = value;
    b[p + 1] = value >> 8;
    b[p + 2] = value >> 16;
    b[p + 3] = value >> 24;
    this.pos = p + 4;
  }

  long(value: bigint): void {
    if (typeof value !== "bigint") throw new TlError("BAD_VALUE", this.pos, "a bigint for long", typeof value);
    if (this.pos + 8 > this.buf.length) this.grow(8);
    this.view.setBigInt64(this.pos, value, true);
    this.pos += 8;
  }

  double(value: number): void {
    if (typeof value !== "number") throw new TlError("BAD_VALUE", this.pos, "a number for double", typeof value);
    if (this.pos + 8 > this.buf.length) this.grow(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  private fixed(value: Uint8Array, size: number, expected: string): void {
    if (!(value instanceof Uint8Array) || value.length !== size) {
      throw new TlError("BAD_VALUE", this.pos, expected);
    }
    if (this.pos + size > this.buf.length) this.grow(size);
    this.buf.set(value, this.pos);
    this.pos += size;
  }

  int128(value: Uint8Array): void {
    this.fixed(value, 16, "16 bytes for int128");
  }

  int256(value: Uint8Array): void {
    this.fixed(value, 32, "32 bytes for int256");
  }

  /** Writes the length header, reserves padded room and returns where the payload goes. */
  private lengthHeader(len: number): number {
    if (len > 0xffffff) throw new TlError("BAD_VALUE", this.pos, "at most 16 MiB", `length ${len}`);
    const header = len < 254 ? 1 : 4;
    const total = (header + len + 3) & ~3;
    if (this.pos + total > this.buf.length) this.grow(total);
    const b = this.buf;
    const p = this.pos;
    if (header === 1) {
      b[p] = len;
    } else {
      b[p] = 254;
      b[p + 1] = len;
      b[p + 2] = len >> 8;
      b[p + 3] = len >> 16;
    }
    // Padding must be zero; the buffer may hold old data after reset().
    for (let i = p + header + len; i < p + total; i++) b[i] = 0;
    this.pos = p + total;
    return p + header;
  }

  bytes(value: Uint8Array): void {
    if (!(value instanceof Uint8Array)) throw new TlError("BAD_VALUE", this.pos, "a Uint8Array for bytes");
    const at = this.lengthHeader(value.length);
    this.buf.set(value, at);
  }

  string(value: string): void {
    if (typeof value !== "string") throw new TlError("BAD_VALUE", this.pos, "a string", typeof value);
    const len = utf8Length(value);
    const at = this.lengthHeader(len);
    encodeUtf8Into(value, len, this.buf, at);
  }

  bool(value: boolean): void {
    this.int(value ? BOOL_TRUE_ID : BOOL_FALSE_ID);
  }

  /** A boxed object: its constructor id, then its body. */
  object(value: TlObject): void {
    const isObject = typeof value === "object" && (value as TlObject | null) !== null;
    const entry = isObject ? this.registry.writers.get(value._) : undefined;
    if (entry === undefined) {
      const name = isObject ? value._ : typeof value;
      throw new TlError("UNKNOWN_NAME", this.pos, "a TL object with a known `_`", name);
    }
    // Bounds recursion so a cyclic object graph gives a TlError, not a stack overflow.
    if (++this.depth > MAX_DEPTH) throw new TlError("TOO_DEEP", this.pos, `at most ${MAX_DEPTH} nested objects`);
    this.int(entry.id);
    entry.write(this, value);
    this.depth--;
  }

  /** The body only (bare type, e.g. `%Message`); `name` picks the constructor. */
  bare(name: string, value: TlObject): void {
    const entry = this.registry.writers.get(name);
    if (entry === undefined) throw new TlError("UNKNOWN_NAME", this.pos, "a known constructor", name);
    entry.write(this, value);
  }

  vector<T>(items: readonly T[], writeElement: (writer: TlWriter, item: T) => void): void {
    this.int(VECTOR_ID);
    this.bareVector(items, writeElement);
  }

  /** Boxed `Vector<T>` of boxed objects, without a per-element callback. */
  objectVector(items: readonly TlObject[]): void {
    if (!isArray(items)) throw new TlError("BAD_VALUE", this.pos, "an array for a vector");
    this.int(VECTOR_ID);
    const n = items.length;
    this.int(n);
    for (let i = 0; i < n; i++) this.object(items[i]!);
  }

  bareVector<T>(items: readonly T[], writeElement: (writer: TlWriter, item: T) => void): void {
    if (!isArray(items)) throw new TlError("BAD_VALUE", this.pos, "an array for a vector");
    const n = items.length;
    this.int(n);
    for (let i = 0; i < n; i++) writeElement(this, items[i]!);
  }

  /**
   * A value whose TL type is not known statically (the `result` of `rpc_result`): objects are boxed,
   * booleans are Bool, arrays are Vector with elements by JS type (bigint -> long, number -> int,
   * string, Uint8Array -> bytes, object, boolean).
   */
  untyped(value: unknown): void {
    if (typeof value === "boolean") this.bool(value);
    else if (Array.isArray(value))
      this.vector(value, (w, item: unknown) => {
        w.untyped(item);
      });
    else if (typeof value === "bigint") this.long(value);
    else if (typeof value === "number") this.int(value);
    else if (typeof value === "string") this.string(value);
    else if (value instanceof Uint8Array) this.bytes(value);
    else this.object(value as TlObject);
  }

  raw(value: Uint8Array): void {
    if (this.pos + value.length > this.buf.length) this.grow(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }
}
