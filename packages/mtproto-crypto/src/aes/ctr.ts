/**
 * Stateful AES-CTR in pure JS (the fallback when WebAssembly is unavailable; ctr-wasm.ts is the
 * fast path): the keystream continues across `process` calls, which is what the obfuscated
 * transports need (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 * The 16-byte counter block is incremented as one big-endian 128-bit integer, like OpenSSL.
 * Each block's keystream is computed once: whole blocks are XORed straight from the round output,
 * and the unused tail of the last block is kept for the next call. Rounds are inlined and the
 * counter lives in locals during a call, as in ige.ts (V8 keeps them in registers).
 */
import { BufferedCtr, counterWordsFromIv } from "./buffered-ctr.js";
import { SBOX, TE0 } from "./aes-tables.js";
import { expandEncryptionKey } from "./aes-key.js";
import { readWordBE, ror16, ror24, ror8, writeWordBE } from "./words.js";

function lastRound(a: number, b: number, c: number, d: number, k: number): number {
  return (
    ((SBOX[a >>> 24]! << 24) | (SBOX[(b >>> 16) & 255]! << 16) | (SBOX[(c >>> 8) & 255]! << 8) | SBOX[d & 255]!) ^ k
  );
}

export class JsAesCtr extends BufferedCtr {
  readonly #rk: Int32Array;
  readonly #last: number;
  /** The counter as four big-endian words, most significant first. */
  readonly #counter: Int32Array;

  constructor(key: Uint8Array, iv: Uint8Array) {
    super();
    const schedule = expandEncryptionKey(key);
    this.#rk = schedule.words;
    this.#last = 4 * schedule.rounds;
    this.#counter = counterWordsFromIv(iv);
  }

  protected xorBlocks(data: Uint8Array, out: Uint8Array, from: number): void {
    const n = data.length;
    const ks = this.keystream;
    let i = from;
    const rk = this.#rk;
    const last = this.#last;
    const counter = this.#counter;
    let c0 = counter[0]!,
      c1 = counter[1]!,
      c2 = counter[2]!,
      c3 = counter[3]!;
    for (; i < n; i += 16) {
      let s0 = c0 ^ rk[0]!,
        s1 = c1 ^ rk[1]!,
        s2 = c2 ^ rk[2]!,
        s3 = c3 ^ rk[3]!;
      for (let k = 4; k < last; k += 4) {
        const t0 =
          TE0[s0 >>> 24]! ^
          ror8(TE0[(s1 >>> 16) & 255]!) ^
          ror16(TE0[(s2 >>> 8) & 255]!) ^
          ror24(TE0[s3 & 255]!) ^
          rk[k]!;
        const t1 =
          TE0[s1 >>> 24]! ^
          ror8(TE0[(s2 >>> 16) & 255]!) ^
          ror16(TE0[(s3 >>> 8) & 255]!) ^
          ror24(TE0[s0 & 255]!) ^
          rk[k + 1]!;
        const t2 =
          TE0[s2 >>> 24]! ^
          ror8(TE0[(s3 >>> 16) & 255]!) ^
          ror16(TE0[(s0 >>> 8) & 255]!) ^
          ror24(TE0[s1 & 255]!) ^
          rk[k + 2]!;
        s3 =
          TE0[s3 >>> 24]! ^
          ror8(TE0[(s0 >>> 16) & 255]!) ^
          ror16(TE0[(s1 >>> 8) & 255]!) ^
          ror24(TE0[s2 & 255]!) ^
          rk[k + 3]!;
        s0 = t0;
        s1 = t1;
        s2 = t2;
      }
      const k0 = lastRound(s0, s1, s2, s3, rk[last]!);
      const k1 = lastRound(s1, s2, s3, s0, rk[last + 1]!);
      const k2 = lastRound(s2, s3, s0, s1, rk[last + 2]!);
      const k3 = lastRound(s3, s0, s1, s2, rk[last + 3]!);
      // 128-bit big-endian increment: carry into the next word only when one wraps to zero.
      c3 = (c3 + 1) | 0;
      if (c3 === 0) {
        c2 = (c2 + 1) | 0;
        if (c2 === 0) {
          c1 = (c1 + 1) | 0;
          if (c1 === 0) c0 = (c0 + 1) | 0;
        }
      }
      if (i + 16 <= n) {
        writeWordBE(out, i, readWordBE(data, i) ^ k0);
        writeWordBE(out, i + 4, readWordBE(data, i + 4) ^ k1);
        writeWordBE(out, i + 8, readWordBE(data, i + 8) ^ k2);
        writeWordBE(out, i + 12, readWordBE(data, i + 12) ^ k3);
      } else {
        writeWordBE(ks, 0, k0);
        writeWordBE(ks, 4, k1);
        writeWordBE(ks, 8, k2);
        writeWordBE(ks, 12, k3);
        let used = 0;
        while (i + used < n) {
          out[i + used] = data[i + used]! ^ ks[used]!;
          used++;
        }
        this.used = used;
      }
    }
    counter[0] = c0;
    counter[1] = c1;
    counter[2] = c2;
    counter[3] = c3;
  }
}
