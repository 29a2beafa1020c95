// TODO(move to tl-core): a minimal TL writer for the few constructors the server emits by hand.
// Replace with @mtkit/tl-core's TlWriter + generated writers once its entry points are exported.
// Encoding rules: https://core.telegram.org/mtproto/serialize

/** Appends TL primitives (little-endian) to a growable buffer. */
export class TlBytesWriter {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + count) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
    this.view = new DataView(next.buffer);
  }

  int(value: number): this {
    this.reserve(4);
    this.view.setInt32(this.length, value | 0, true);
    this.length += 4;
    return this;
  }

  /** Constructor ids are unsigned in the schema; written as the same 32 bits. */
  id(value: number): this {
    this.reserve(4);
    this.view.setUint32(this.length, value >>> 0, true);
    this.length += 4;
    return this;
  }

  long(value: bigint): this {
    this.reserve(8);
    this.view.setBigInt64(this.length, BigInt.asIntN(64, value), true);
    this.length += 8;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  bool(value: boolean): this {
    return this.id(value ? 0x997275b5 : 0xbc799737);
  }

  /** TL `bytes`/`string`: 1-byte length below 254, else 0xfe + 3-byte length; padded to 4. */
  bytes(value: Uint8Array): this {
    const header = value.length < 254 ? 1 : 4;
    const padding = (4 - ((header + value.length) % 4)) % 4;
    this.reserve(header + value.length + padding);
    if (header === 1) {
      this.buffer[this.length++] = value.length;
    } else {
      this.buffer[this.length++] = 254;
      this.buffer[this.length++] = value.length & 0xff;
      this.buffer[this.length++] = (value.length >> 8) & 0xff;
      this.buffer[this.length++] = (value.length >> 16) & 0xff;
    }
    this.buffer.set(value, this.length);
    this.length += value.length;
    this.buffer.fill(0, this.length, this.length + padding);
    this.length += padding;
    return this;
  }

  string(value: string): this {
    return this.bytes(new TextEncoder().encode(value));
  }

  /** A boxed `Vector<T>` header: the vector id then the count. */
  vectorHeader(count: number): this {
    return this.id(0x1cb5c415).int(count);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
