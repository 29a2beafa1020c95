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
 * A file whose bytes are computed from their offset: a 1 MiB block of xorshift noise (seeded)
 * repeated, so it is as incompressible as real media and a bench or a soak can download gigabytes
 * the server never holds. `syntheticByte(i, seed)` says what byte i is.
 */
export class SyntheticContent implements FileContent {
  readonly #block: Uint8Array;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    this.#block = syntheticBlock(seed);
  }

  read(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    const block = this.#block;
    for (let at = 0; at < out.length;) {
      const from = (offset + at) % SYNTHETIC_BLOCK;
      const take = Math.min(SYNTHETIC_BLOCK - from, out.length - at);
      out.set(block.subarray(from, from + take), at);
      at += take;
    }
    return out;
  }

  dispose(): void {
    // Nothing held beyond the block.
  }
}

const SYNTHETIC_BLOCK = 1024 * 1024;
const blocks = new Map<number, Uint8Array>();

/** The repeating block of a seed (xorshift32, never all zero). */
function syntheticBlock(seed: number): Uint8Array {
  let block = blocks.get(seed);
  if (block === undefined) {
    block = new Uint8Array(SYNTHETIC_BLOCK);
    let x = (seed * 2654435761 + 1) >>> 0 || 1;
    for (let i = 0; i < block.length; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      block[i] = x & 0xff;
    }
    blocks.set(seed, block);
  }
  return block;
}

/** The byte a SyntheticContent of `seed` has at `index` (for tests that check what they got). */
export function syntheticByte(index: number, seed: number): number {
  return syntheticBlock(seed)[index % SYNTHETIC_BLOCK]!;
}
