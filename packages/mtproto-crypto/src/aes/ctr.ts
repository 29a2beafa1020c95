/**
 * Stateful AES-CTR in pure JS: the keystream continues across `process` calls, which is what
 * the obfuscated transports need (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 * The 16-byte counter block is incremented as one big-endian 128-bit integer, like OpenSSL.
 * Whole blocks are XORed straight from the keystream words; only a partial block at either end
 * goes through the byte buffer.
 */
import type { AesCtr } from "../provider.js";
import { encryptWords } from "./aes-block.js";
import { expandEncryptionKey } from "./aes-key.js";
import { readWordBE, writeWordBE } from "./words.js";

export class JsAesCtr implements AesCtr {
  readonly #rk: Int32Array;
  readonly #rounds: number;
  /** The counter as four big-endian words. */
  readonly #counter: Int32Array;
  readonly #keystream = new Uint8Array(16);
  readonly #words = new Int32Array(4);
  /** Bytes of `#keystream` already used; 16 means "none left". */
  #used = 16;

  constructor(key: Uint8Array, iv: Uint8Array) {
    if (iv.length !== 16) throw new RangeError(`AES-CTR iv must be 16 bytes, got ${iv.length}`);
    const schedule = expandEncryptionKey(key);
    this.#rk = schedule.words;
    this.#rounds = schedule.rounds;
    this.#counter = Int32Array.of(readWordBE(iv, 0), readWordBE(iv, 4), readWordBE(iv, 8), readWordBE(iv, 12));
  }

  process(data: Uint8Array): Uint8Array {
    const n = data.length;
    const out = new Uint8Array(n);
    const ks = this.#keystream;
    let i = 0;
    while (i < n && this.#used < 16) out[i] = data[i++]! ^ ks[this.#used++]!;
    const w = this.#words;
    for (; i + 16 <= n; i += 16) {
      this.#nextWords();
      writeWordBE(out, i, readWordBE(data, i) ^ w[0]!);
      writeWordBE(out, i + 4, readWordBE(data, i + 4) ^ w[1]!);
      writeWordBE(out, i + 8, readWordBE(data, i + 8) ^ w[2]!);
      writeWordBE(out, i + 12, readWordBE(data, i + 12) ^ w[3]!);
    }
    if (i < n) {
      this.#nextWords();
      for (let j = 0; j < 4; j++) writeWordBE(ks, 4 * j, w[j]!);
      this.#used = 0;
      while (i < n) out[i] = data[i++]! ^ ks[this.#used++]!;
    }
    return out;
  }

  /** Encrypts the counter into `#words`, then increments the counter. */
  #nextWords(): void {
    const c = this.#counter;
    encryptWords(this.#rk, this.#rounds, c[0]!, c[1]!, c[2]!, c[3]!, this.#words);
    for (let j = 3; j >= 0; j--) {
      c[j] = (c[j]! + 1) | 0;
      if (c[j] !== 0) break;
    }
  }
}
