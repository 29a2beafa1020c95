import { TlError, constructorError, hexId } from "./errors.js";
import { LITTLE_ENDIAN_HOST, readInt64LittleEndianHost } from "./int64.js";
import { MAX_DEPTH } from "./limits.js";
import { BOOL_FALSE_ID, BOOL_TRUE_ID, VECTOR_ID } from "./ids.js";
import { ANY_TYPE, type TlRegistry } from "./types.js";
import { decodeUtf8 } from "./utf8.js";

export interface TlReaderOptions {
  /**
   * For `rpc_result`: maps `req_msg_id` to the name of the method that was sent, so results such as
   * `Vector<long>` (which carry no element type on the wire) can be decoded. Unknown ids fall back to
   * reading a boxed object.
   */
  readonly resolveMethod?: (reqMsgId: bigint) => string | undefined;
}

/**
 * Bounds-checked reader over a byte array (https://core.telegram.org/mtproto/serialize).
 * Every failure is a `TlError`; lengths and counts are checked against the bytes left before
 * anything is allocated.
 */
export class TlReader {
  readonly data: Uint8Array;
  readonly registry: TlRegistry;
  readonly options: TlReaderOptions;
  pos: number;
  readonly end: number;
  depth = 0;
  private readonly view: DataView;

  constructor(registry: TlRegistry, bytes: Uint8Array, options: TlReaderOptions = {}, start = 0, end = bytes.length) {
    if (!(start >= 0 && start <= end && end <= bytes.length)) {
      throw new TlError(
        "BAD_LENGTH",
        start,
        `a range inside the ${bytes.length} input bytes`,
        `start ${start}, end ${end}`,
      );
    }
    this.registry = registry;
    this.data = bytes;
    this.options = options;
    this.pos = start;
    this.end = end;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, expected: string): number {
    const p = this.pos;
    if (p + n > this.end) throw new TlError("UNEXPECTED_END", p, expected, `${n} bytes needed, ${this.end - p} left`);
    this.pos = p + n;
    return p;
  }

  int(): number {
    const p = this.need(4, "int");
    const b = this.data;
    return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
  }

  /** A `#` (nat) value: unsigned, so bit 31 reads as 2147483648, never as a negative number. */
  uint(): number {
    return this.int() >>> 0;
  }

  /** Next int without consuming it (used to look at a constructor id). */
  peekInt(): number {
    const p = this.need(4, "int");
    this.pos = p;
    const b = this.data;
    return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
  }

  long(): bigint {
    const p = this.need(8, "long");
    return LITTLE_ENDIAN_HOST ? readInt64LittleEndianHost(this.data, p) : this.view.getBigInt64(p, true);
  }

  double(): number {
    return this.view.getFloat64(this.need(8, "double"), true);
  }

  int128(): Uint8Array {
    const p = this.need(16, "int128");
    return this.data.slice(p, p + 16);
  }

  int256(): Uint8Array {
    const p = this.need(32, "int256");
    return this.data.slice(p, p + 32);
  }

  /** Length of the payload found by the last `lengthPrefixed` call. */
  private payloadLength = 0;

  /** Reads the length header and skips the padding of `bytes`/`string`; returns where the payload starts. */
  private lengthPrefixed(expected: string): number {
    const p = this.pos;
    const b = this.data;
    if (p >= this.end) throw new TlError("UNEXPECTED_END", p, expected);
    let len = b[p]!;
    let header = 1;
    if (len === 254) {
      if (p + 4 > this.end) throw new TlError("UNEXPECTED_END", p, expected);
      len = b[p + 1]! | (b[p + 2]! << 8) | (b[p + 3]! << 16);
      header = 4;
    } else if (len === 255) {
      throw new TlError("BAD_LENGTH", p, expected, "length byte 255 is not valid");
    }
    const total = (header + len + 3) & ~3;
    if (p + total > this.end) {
      throw new TlError("UNEXPECTED_END", p, expected, `length ${len} but ${this.end - p} bytes left`);
    }
    this.pos = p + total;
    this.payloadLength = len;
    return p + header;
  }

  bytes(): Uint8Array {
    const start = this.lengthPrefixed("bytes");
    return this.data.slice(start, start + this.payloadLength);
  }

  string(): string {
    const start = this.lengthPrefixed("string");
    return decodeUtf8(this.data, start, start + this.payloadLength);
  }

  bool(): boolean {
    const at = this.pos;
    const id = this.int();
    if (id === BOOL_TRUE_ID) return true;
    if (id === BOOL_FALSE_ID) return false;
    throw new TlError("UNEXPECTED_CONSTRUCTOR", at, "Bool (boolTrue or boolFalse)", `got ${hexId(id)}`);
  }

  /** A boxed object of any type (`Object`, `!X`): constructor id, then its body. */
  object(): unknown {
    return this.boxed(ANY_TYPE, undefined);
  }

  /**
   * A boxed object whose constructor must belong to the declared type `typeId` / `typeName`
   * (ANY_TYPE: no check). A wrong type is `UNEXPECTED_CONSTRUCTOR`: the schema says which
   * constructors a field may hold (https://core.telegram.org/mtproto/serialize#boxed-and-bare-types).
   */
  boxed(typeId: number, typeName: string | undefined): unknown {
    const at = this.pos;
    const id = this.int();
    const entry = this.registry.readers.get(id);
    if (entry === undefined || (typeId !== ANY_TYPE && entry.type !== typeId)) {
      throw constructorError(at, id, typeName, entry !== undefined);
    }
    if (++this.depth > MAX_DEPTH) throw new TlError("TOO_DEEP", at, `at most ${MAX_DEPTH} nested objects`);
    const value = entry.read(this);
    this.depth--;
    return value;
  }

  /** Boxed `Vector<T>`: id 0x1cb5c415, count, elements. */
  vector<T>(readElement: (reader: TlReader) => T, minElementSize = 4): T[] {
    this.vectorId();
    return this.bareVector(readElement, minElementSize);
  }

  /** Boxed `Vector<Object>` / `Vector<!X>`: boxed objects of any type. */
  objectVector(): unknown[] {
    return this.boxedVector(ANY_TYPE, undefined);
  }

  /** Boxed `Vector<T>` of boxed objects of type T (as `boxed`); the commonest shape, read without a per-element callback. */
  boxedVector(typeId: number, typeName: string | undefined): unknown[] {
    this.vectorId();
    const countAt = this.pos;
    const count = this.int();
    if (count < 0 || count * 4 > this.end - this.pos) {
      throw new TlError("BAD_LENGTH", countAt, "a vector count that fits in the bytes left", `count ${count}`);
    }
    const out = new Array<unknown>(count);
    for (let i = 0; i < count; i++) out[i] = this.boxed(typeId, typeName);
    return out;
  }

  private vectorId(): void {
    const at = this.pos;
    const id = this.int();
    if (id !== VECTOR_ID)
      throw new TlError("UNEXPECTED_CONSTRUCTOR", at, "Vector (0x1cb5c415)", `got ${hexId(id)}`, id);
  }

  /** Bare `vector<T>`: count, elements. */
  bareVector<T>(readElement: (reader: TlReader) => T, minElementSize = 4): T[] {
    const at = this.pos;
    const count = this.int();
    if (count < 0 || count * minElementSize > this.end - this.pos) {
      throw new TlError("BAD_LENGTH", at, "a vector count that fits in the bytes left", `count ${count}`);
    }
    // Safe to pre-size: count was checked against the bytes left.
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = readElement(this);
    return out;
  }

  /** Result of the method named `method` (see `readResult` for the rules). */
  result(method: string): unknown {
    const entry = this.registry.results.get(method);
    if (entry === undefined || typeof entry !== "function") return this.object();
    return entry(this);
  }

  /** The `result` field of `rpc_result`, decoded with the method that `resolveMethod` names. */
  rpcResult(reqMsgId: bigint): unknown {
    const method = this.options.resolveMethod?.(reqMsgId);
    return method === undefined ? this.object() : this.result(method);
  }

  /** Throws unless every byte was consumed. */
  expectEnd(): void {
    if (this.pos !== this.end)
      throw new TlError("TRAILING_BYTES", this.pos, "end of input", `${this.end - this.pos} bytes left`);
  }
}
