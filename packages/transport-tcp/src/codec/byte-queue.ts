/**
 * A FIFO of received chunks. Decoders peek at headers across chunk borders and take whole packets
 * out without first concatenating everything they have received.
 * Ownership: pushed chunks are not copied, and a packet that lies inside one chunk comes out as a
 * view of it (allocation dominates small-packet cost). Callers hand over the bytes they push.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** Read offset inside `chunks[0]`. */
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** The byte at `index` from the read position; the caller checks `index < length`. */
  byteAt(index: number): number {
    let i = index + this.head;
    for (const chunk of this.chunks) {
      if (i < chunk.length) return chunk[i]!;
      i -= chunk.length;
    }
    throw new RangeError(`byteAt(${index}) past ${this.size}`);
  }

  /** Little-endian uint32 at `index`; the caller checks `index + 4 <= length`. */
  uint32At(index: number): number {
    const first = this.chunks[0];
    const at = this.head + index;
    if (first !== undefined && at + 4 <= first.length) {
      return (first[at]! | (first[at + 1]! << 8) | (first[at + 2]! << 16) | (first[at + 3]! << 24)) >>> 0;
    }
    return (
      (this.byteAt(index) |
        (this.byteAt(index + 1) << 8) |
        (this.byteAt(index + 2) << 16) |
        (this.byteAt(index + 3) << 24)) >>>
      0
    );
  }

  /** Copies `n` bytes from `index` without consuming them. */
  peek(n: number, index = 0): Uint8Array {
    const out = new Uint8Array(n);
    let skip = index + this.head;
    let written = 0;
    for (const chunk of this.chunks) {
      if (written === n) break;
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      const take = Math.min(chunk.length - skip, n - written);
      out.set(chunk.subarray(skip, skip + take), written);
      written += take;
      skip = 0;
    }
    if (written !== n) throw new RangeError(`peek(${n}, ${index}) past ${this.size}`);
    return out;
  }

  /** Removes and returns `n` bytes: a view when they lie in one chunk, else a fresh copy. */
  take(n: number): Uint8Array {
    const first = this.chunks[0];
    // Fast path: the whole packet sits in the first chunk (the common case): a view, no copy.
    if (first !== undefined && this.head + n <= first.length) {
      const out = first.subarray(this.head, this.head + n);
      this.skip(n);
      return out;
    }
    const out = this.peek(n);
    this.skip(n);
    return out;
  }

  /** Drops `n` bytes. */
  skip(n: number): void {
    if (n > this.size) throw new RangeError(`skip(${n}) past ${this.size}`);
    this.size -= n;
    let left = n;
    while (left > 0) {
      const first = this.chunks[0]!;
      const available = first.length - this.head;
      if (left < available) {
        this.head += left;
        return;
      }
      left -= available;
      this.chunks.shift();
      this.head = 0;
    }
  }

  /** Removes and returns everything buffered. */
  takeAll(): Uint8Array {
    return this.take(this.size);
  }
}
