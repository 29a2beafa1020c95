/** xorshift32: fast and reproducible, so a failure names the seed that reproduces it. */
export class Rng {
  private x: number;

  constructor(seed: number) {
    this.x = seed | 0 || 1;
  }

  /** A uint32. */
  next(): number {
    let x = this.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.x = x;
    return x >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return this.next() % n;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.next() & 0xff;
    return out;
  }
}

/**
 * 1 to 4 edits of a valid input: flipped bytes, overwritten length-like words (0, -1, 0x7fffffff,
 * huge, small), truncation, duplication of a span, insertion of random bytes.
 */
export function mutate(rng: Rng, input: Uint8Array): Uint8Array {
  let out = input.slice();
  const edits = 1 + rng.below(4);
  for (let e = 0; e < edits; e++) {
    if (out.length === 0) return rng.bytes(1 + rng.below(16));
    const at = rng.below(out.length);
    switch (rng.below(6)) {
      case 0:
        out[at] = rng.next() & 0xff;
        break;
      case 1: {
        const word = rng.pick([0, 0xffffffff, 0x7fffffff, 0x80000000, 0xfe, 0xff, 0x1000000, rng.next()]);
        const view = new DataView(out.buffer, out.byteOffset, out.length);
        if (at + 4 <= out.length) view.setUint32(at & ~3, word, true);
        break;
      }
      case 2:
        out = out.slice(0, at);
        break;
      case 3: {
        const end = Math.min(out.length, at + 1 + rng.below(64));
        const span = out.slice(at, end);
        const grown = new Uint8Array(out.length + span.length);
        grown.set(out.subarray(0, end));
        grown.set(span, end);
        grown.set(out.subarray(end), end + span.length);
        out = grown;
        break;
      }
      case 4: {
        const extra = rng.bytes(1 + rng.below(32));
        const grown = new Uint8Array(out.length + extra.length);
        grown.set(out.subarray(0, at));
        grown.set(extra, at);
        grown.set(out.subarray(at), at + extra.length);
        out = grown;
        break;
      }
      default:
        out[at] = out[at]! ^ (1 << rng.below(8));
    }
  }
  return out;
}

/** Random cut points: the same bytes delivered in pieces, as a socket would. */
export function splitRandomly(rng: Rng, bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const size = 1 + rng.below(Math.max(1, Math.min(bytes.length - at, rng.below(4) === 0 ? 3 : 512)));
    parts.push(bytes.slice(at, at + size));
    at += size;
  }
  return parts;
}
