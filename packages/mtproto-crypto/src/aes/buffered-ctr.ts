/**
 * The part every AES-CTR stream shares (JS, WebAssembly, AES-NI): obfuscation needs one keystream
 * across `process` calls (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation),
 * so a call first spends the unused rest of the last keystream block, then hands the remaining
 * bytes, which start on a block boundary, to the implementation.
 */
import type { AesCtr } from "../provider.js";
import { readWordBE } from "./words.js";

/** The 16-byte CTR iv as the counter both software streams keep: four big-endian words, most significant first. */
export function counterWordsFromIv(iv: Uint8Array): Int32Array {
  if (iv.length !== 16) throw new RangeError(`AES-CTR iv must be 16 bytes, got ${iv.length}`);
  return Int32Array.of(readWordBE(iv, 0), readWordBE(iv, 4), readWordBE(iv, 8), readWordBE(iv, 12));
}

export abstract class BufferedCtr implements AesCtr {
  /** The last keystream block. */
  protected readonly keystream = new Uint8Array(16);
  /** Bytes of `keystream` already used; 16 means "none left". */
  protected used = 16;

  process(data: Uint8Array): Uint8Array {
    const out = new Uint8Array(data.length);
    this.#xor(data, out);
    return out;
  }

  processInPlace(data: Uint8Array): void {
    this.#xor(data, data);
  }

  /** out = data XOR keystream; `out` may be `data` (each byte is read before it is written). */
  #xor(data: Uint8Array, out: Uint8Array): void {
    const n = data.length;
    const ks = this.keystream;
    let i = 0;
    while (i < n && this.used < 16) out[i] = data[i++]! ^ ks[this.used++]!;
    if (i < n) this.xorBlocks(data, out, i);
  }

  /**
   * XORs `data[from..]` into `out[from..]` with fresh keystream blocks and advances the counter.
   * A trailing partial block must leave its whole keystream in `keystream` and set `used` to the
   * bytes it spent.
   */
  protected abstract xorBlocks(data: Uint8Array, out: Uint8Array, from: number): void;
}
