// TODO(move to tl-core): a minimal bounds-checked TL reader for the handshake and service messages.
// Replace with @mtkit/tl-core's TlReader + generated readers once its entry points are exported.

/** Thrown on truncated or malformed TL input; `offset` is where reading failed. */
export class WireError extends Error {
  override readonly name = "WireError";
  constructor(
    readonly code: "UNEXPECTED_END" | "BAD_LENGTH" | "UNEXPECTED_CONSTRUCTOR",
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads TL primitives from a byte array; never reads past its end, never trusts a length. */
export class TlBytesReader {
  private readonly view: DataView;
  private position: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = start;
  }

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.end - this.position;
  }

  private need(count: number): number {
    if (count < 0 || this.position + count > this.end) {
      throw new WireError("UNEXPECTED_END", this.position, `need ${count} bytes at ${this.position}`);
    }
    const at = this.position;
    this.position += count;
    return at;
  }

  int(): number {
    return this.view.getInt32(this.need(4), true);
  }

  id(): number {
    return this.view.getUint32(this.need(4), true);
  }

  peekId(): number {
    const id = this.id();
    this.position -= 4;
    return id;
  }

  long(): bigint {
    return this.view.getBigInt64(this.need(8), true);
  }

  raw(count: number): Uint8Array {
    const at = this.need(count);
    return this.bytes.slice(at, at + count);
  }

  /** The rest of the input without copying (e.g. a request body passed to a handler). */
  rest(): Uint8Array {
    return this.bytes.subarray(this.need(this.remaining), this.end);
  }

  bytesValue(): Uint8Array {
    let length = this.raw(1)[0] ?? 0;
    let header = 1;
    if (length === 254) {
      const b = this.raw(3);
      length = (b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16);
      header = 4;
    } else if (length === 255) {
      throw new WireError("BAD_LENGTH", this.position - 1, "0xff is not a valid TL bytes header");
    }
    const value = this.raw(length);
    this.need((4 - ((header + length) % 4)) % 4);
    return value;
  }

  string(): string {
    return new TextDecoder().decode(this.bytesValue());
  }

  expectId(expected: number): void {
    const got = this.id();
    if (got !== expected) {
      throw new WireError(
        "UNEXPECTED_CONSTRUCTOR",
        this.position - 4,
        `expected 0x${expected.toString(16)}, got 0x${got.toString(16)}`,
      );
    }
  }

  /** A boxed Vector<long>; the count is checked against the bytes left before allocating. */
  longVector(): bigint[] {
    this.expectId(0x1cb5c415);
    const count = this.int();
    if (count < 0 || count * 8 > this.remaining) {
      throw new WireError("BAD_LENGTH", this.position - 4, `vector of ${count} longs does not fit`);
    }
    const out: bigint[] = [];
    for (let i = 0; i < count; i++) out.push(this.long());
    return out;
  }
}
