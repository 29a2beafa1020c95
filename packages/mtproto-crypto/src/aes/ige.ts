/**
 * AES-IGE (Infinite Garble Extension) in pure JS, as MTProto uses it
 * (https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector).
 * The 32-byte IV is OpenSSL's layout: iv[0..16] = "previous ciphertext" c_0, iv[16..32] =
 * "previous plaintext" m_0.   c_i = E(m_i ^ c_{i-1}) ^ m_{i-1};   m_i = D(c_i ^ m_{i-1}) ^ c_{i-1}.
 */
import { expandDecryptionKey, expandEncryptionKey } from "./aes-key.js";
import { INV_SBOX, SBOX, TD0, TE0 } from "./aes-tables.js";
import { readWordBE, ror16, ror24, ror8, writeWordBE } from "./words.js";

export function checkIgeArgs(data: Uint8Array, key: Uint8Array, iv: Uint8Array): void {
  if (data.length % 16 !== 0) throw new RangeError(`AES-IGE data length ${data.length} is not a multiple of 16`);
  if (iv.length !== 32) throw new RangeError(`AES-IGE iv must be 32 bytes, got ${iv.length}`);
  if (key.length !== 32 && key.length !== 16 && key.length !== 24) {
    throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${key.length}`);
  }
}

export function aesIgeEncryptJs(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkIgeArgs(data, key, iv);
  const { words: rk, rounds } = expandEncryptionKey(key);
  const out = new Uint8Array(data.length);
  let c0 = readWordBE(iv, 0), c1 = readWordBE(iv, 4), c2 = readWordBE(iv, 8), c3 = readWordBE(iv, 12);
  let m0 = readWordBE(iv, 16), m1 = readWordBE(iv, 20), m2 = readWordBE(iv, 24), m3 = readWordBE(iv, 28);
  const last = 4 * rounds;
  for (let i = 0; i < data.length; i += 16) {
    const x0 = readWordBE(data, i), x1 = readWordBE(data, i + 4), x2 = readWordBE(data, i + 8), x3 = readWordBE(data, i + 12);
    // Rounds inlined for the same reason as in aesIgeDecryptJs below.
    let s0 = x0 ^ c0 ^ rk[0]!, s1 = x1 ^ c1 ^ rk[1]!, s2 = x2 ^ c2 ^ rk[2]!, s3 = x3 ^ c3 ^ rk[3]!;
    for (let k = 4; k < last; k += 4) {
      const t0 = TE0[s0 >>> 24]! ^ ror8(TE0[(s1 >>> 16) & 255]!) ^ ror16(TE0[(s2 >>> 8) & 255]!) ^ ror24(TE0[s3 & 255]!) ^ rk[k]!;
      const t1 = TE0[s1 >>> 24]! ^ ror8(TE0[(s2 >>> 16) & 255]!) ^ ror16(TE0[(s3 >>> 8) & 255]!) ^ ror24(TE0[s0 & 255]!) ^ rk[k + 1]!;
      const t2 = TE0[s2 >>> 24]! ^ ror8(TE0[(s3 >>> 16) & 255]!) ^ ror16(TE0[(s0 >>> 8) & 255]!) ^ ror24(TE0[s1 & 255]!) ^ rk[k + 2]!;
      s3 = TE0[s3 >>> 24]! ^ ror8(TE0[(s0 >>> 16) & 255]!) ^ ror16(TE0[(s1 >>> 8) & 255]!) ^ ror24(TE0[s2 & 255]!) ^ rk[k + 3]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
    }
    c0 = encLastRound(s0, s1, s2, s3, rk[last]!) ^ m0;
    c1 = encLastRound(s1, s2, s3, s0, rk[last + 1]!) ^ m1;
    c2 = encLastRound(s2, s3, s0, s1, rk[last + 2]!) ^ m2;
    c3 = encLastRound(s3, s0, s1, s2, rk[last + 3]!) ^ m3;
    writeWordBE(out, i, c0);
    writeWordBE(out, i + 4, c1);
    writeWordBE(out, i + 8, c2);
    writeWordBE(out, i + 12, c3);
    m0 = x0;
    m1 = x1;
    m2 = x2;
    m3 = x3;
  }
  return out;
}

function encLastRound(a: number, b: number, c: number, d: number, k: number): number {
  return ((SBOX[a >>> 24]! << 24) | (SBOX[(b >>> 16) & 255]! << 16) | (SBOX[(c >>> 8) & 255]! << 8) | SBOX[d & 255]!) ^ k;
}

export function aesIgeDecryptJs(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkIgeArgs(data, key, iv);
  const { words: rk, rounds } = expandDecryptionKey(key);
  const out = new Uint8Array(data.length);
  let c0 = readWordBE(iv, 0), c1 = readWordBE(iv, 4), c2 = readWordBE(iv, 8), c3 = readWordBE(iv, 12);
  let m0 = readWordBE(iv, 16), m1 = readWordBE(iv, 20), m2 = readWordBE(iv, 24), m3 = readWordBE(iv, 28);
  const last = 4 * rounds;
  for (let i = 0; i < data.length; i += 16) {
    const x0 = readWordBE(data, i), x1 = readWordBE(data, i + 4), x2 = readWordBE(data, i + 8), x3 = readWordBE(data, i + 12);
    // The AES rounds are written out here instead of calling decryptWords: TurboFan does not
    // inline a function this large, and the call plus result array cost ~30% of the time.
    let s0 = x0 ^ m0 ^ rk[0]!, s1 = x1 ^ m1 ^ rk[1]!, s2 = x2 ^ m2 ^ rk[2]!, s3 = x3 ^ m3 ^ rk[3]!;
    for (let k = 4; k < last; k += 4) {
      const t0 = TD0[s0 >>> 24]! ^ ror8(TD0[(s3 >>> 16) & 255]!) ^ ror16(TD0[(s2 >>> 8) & 255]!) ^ ror24(TD0[s1 & 255]!) ^ rk[k]!;
      const t1 = TD0[s1 >>> 24]! ^ ror8(TD0[(s0 >>> 16) & 255]!) ^ ror16(TD0[(s3 >>> 8) & 255]!) ^ ror24(TD0[s2 & 255]!) ^ rk[k + 1]!;
      const t2 = TD0[s2 >>> 24]! ^ ror8(TD0[(s1 >>> 16) & 255]!) ^ ror16(TD0[(s0 >>> 8) & 255]!) ^ ror24(TD0[s3 & 255]!) ^ rk[k + 2]!;
      s3 = TD0[s3 >>> 24]! ^ ror8(TD0[(s2 >>> 16) & 255]!) ^ ror16(TD0[(s1 >>> 8) & 255]!) ^ ror24(TD0[s0 & 255]!) ^ rk[k + 3]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
    }
    m0 = decLastRound(s0, s3, s2, s1, rk[last]!) ^ c0;
    m1 = decLastRound(s1, s0, s3, s2, rk[last + 1]!) ^ c1;
    m2 = decLastRound(s2, s1, s0, s3, rk[last + 2]!) ^ c2;
    m3 = decLastRound(s3, s2, s1, s0, rk[last + 3]!) ^ c3;
    writeWordBE(out, i, m0);
    writeWordBE(out, i + 4, m1);
    writeWordBE(out, i + 8, m2);
    writeWordBE(out, i + 12, m3);
    c0 = x0;
    c1 = x1;
    c2 = x2;
    c3 = x3;
  }
  return out;
}

function decLastRound(a: number, b: number, c: number, d: number, k: number): number {
  return ((INV_SBOX[a >>> 24]! << 24) | (INV_SBOX[(b >>> 16) & 255]! << 16) | (INV_SBOX[(c >>> 8) & 255]! << 8) | INV_SBOX[d & 255]!) ^ k;
}
