/**
 * Stateful AES-256-CTR in pure JS: the keystream continues across `process` calls, which is what
 * the obfuscated transports need (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 * The 16-byte counter block is incremented as one big-endian 128-bit integer, like OpenSSL.
 */
import type { AesCtr } from "../provider.js";
import { encryptWords } from "./aes-block.js";
import { expandEncryptionKey } from "./aes-key.js";
import { readWordBE, writeWordBE } from "./words.js";

export class JsAesCtr implements AesCtr {
  readonly #rk: Int32Array;
  readonly #rounds: number;
  readonly #counter: Uint8Array;
  readonly #keystream = new Uint8Array(16);
  readonly #words = new Int32Array(4);
  /** Bytes of `#keystream` already used; 16 means "generate the next block". */
  #used = 16;

  constructor(key: Uint8Array, iv: Uint8Array) {
    if (iv.length !== 16) throw new RangeError(`AES-CTR iv must be 16 bytes, got ${iv.length}`);
    const schedule = expandEncryptionKey(key);
    this.#rk = schedule.words;
    this.#rounds = schedule.rounds;
    this.#counter = iv.slice();
  }

  process(data: Uint8Array): Uint8Array {
    const out = new Uint8Array(data.length);
    const ks = this.#keystream;
    for (let i = 0; i < data.length; i++) {
      if (this.#used === 16) this.#nextBlock();
      out[i] = data[i]! ^ ks[this.#used++]!;
    }
    return out;
  }

  #nextBlock(): void {
    const c = this.#counter;
    const w = this.#words;
    encryptWords(this.#rk, this.#rounds, readWordBE(c, 0), readWordBE(c, 4), readWordBE(c, 8), readWordBE(c, 12), w);
    for (let j = 0; j < 4; j++) writeWordBE(this.#keystream, 4 * j, w[j]!);
    for (let j = 15; j >= 0; j--) {
      c[j] = (c[j]! + 1) & 0xff;
      if (c[j] !== 0) break;
    }
    this.#used = 0;
  }
}
