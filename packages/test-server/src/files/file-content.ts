import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";

/** The bytes of a stored file, read by range so nothing needs the whole file in one buffer. */
export interface FileContent {
  readonly size: number;
  /** Bytes [offset, offset + length) clipped to the file; empty past the end. */
  read(offset: number, length: number): Uint8Array;
  /** Frees what the content holds (a file on disk). */
  dispose(): void;
}

/** Uploaded parts kept as they came: every part `partSize` long but the last. */
export class PartsContent implements FileContent {
  readonly size: number;

  constructor(
    private readonly parts: readonly Uint8Array[],
    private readonly partSize: number,
  ) {
    this.size = parts.reduce((sum, part) => sum + part.length, 0);
  }

  read(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    let at = offset;
    while (at < end) {
      const index = Math.floor(at / this.partSize);
      const part = this.parts[index]!;
      const from = at - index * this.partSize;
      const take = Math.min(part.length - from, end - at);
      out.set(part.subarray(from, from + take), at - offset);
      at += take;
    }
    return out;
  }

  dispose(): void {
    // Memory goes with the object.
  }
}

/** One file on disk, written part by part in order and read by range. */
export class DiskContent implements FileContent {
  size = 0;
  readonly #fd: number;

  constructor(private readonly path: string) {
    this.#fd = openSync(path, "w+");
  }

  append(bytes: Uint8Array): void {
    writeSync(this.#fd, bytes, 0, bytes.length, this.size);
    this.size += bytes.length;
  }

  read(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    readSync(this.#fd, out, 0, out.length, offset);
    return out;
  }

  dispose(): void {
    closeSync(this.#fd);
    unlinkSync(this.path);
  }
}

/**
 * A file whose bytes are computed from their offset (byte i = (i * 7 + seed) mod 256): lets a
 * bench or a soak download gigabytes the server never holds.
 */
export class SyntheticContent implements FileContent {
  /** The pattern repeats every 256 bytes: one table of 1 MiB + 256 serves any read by copying. */
  readonly #table: Uint8Array;

  constructor(
    readonly size: number,
    private readonly seed: number,
  ) {
    this.#table = new Uint8Array(1024 * 1024 + 256);
    for (let i = 0; i < this.#table.length; i++) this.#table[i] = syntheticByte(i, seed);
  }

  read(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    const table = this.#table;
    const phase = offset % 256;
    const span = table.length - 256;
    for (let at = 0; at < out.length; at += span) {
      out.set(table.subarray(phase, phase + Math.min(span, out.length - at)), at);
    }
    return out;
  }

  dispose(): void {
    // Nothing held beyond the table.
  }
}

/** The byte a SyntheticContent of `seed` has at `index` (for tests that check what they got). */
export function syntheticByte(index: number, seed: number): number {
  return (index * 7 + seed) & 0xff;
}
