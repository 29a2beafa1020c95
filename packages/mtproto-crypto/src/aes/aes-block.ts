/**
 * One AES encryption with T-tables on four big-endian 32-bit words, for AES-CTR's keystream.
 * Results go into `out` so the loop allocates nothing. (IGE inlines its rounds instead; see ige.ts.)
 */
import { SBOX, TE0 } from "./aes-tables.js";
import { ror16, ror24, ror8 } from "./words.js";

export function encryptWords(
  rk: Int32Array,
  rounds: number,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
  out: Int32Array,
): void {
  let s0 = a0 ^ rk[0]!;
  let s1 = a1 ^ rk[1]!;
  let s2 = a2 ^ rk[2]!;
  let s3 = a3 ^ rk[3]!;
  let k = 4;
  for (let r = 1; r < rounds; r++) {
    const t0 = TE0[s0 >>> 24]! ^ ror8(TE0[(s1 >>> 16) & 255]!) ^ ror16(TE0[(s2 >>> 8) & 255]!) ^ ror24(TE0[s3 & 255]!) ^ rk[k]!;
    const t1 = TE0[s1 >>> 24]! ^ ror8(TE0[(s2 >>> 16) & 255]!) ^ ror16(TE0[(s3 >>> 8) & 255]!) ^ ror24(TE0[s0 & 255]!) ^ rk[k + 1]!;
    const t2 = TE0[s2 >>> 24]! ^ ror8(TE0[(s3 >>> 16) & 255]!) ^ ror16(TE0[(s0 >>> 8) & 255]!) ^ ror24(TE0[s1 & 255]!) ^ rk[k + 2]!;
    const t3 = TE0[s3 >>> 24]! ^ ror8(TE0[(s0 >>> 16) & 255]!) ^ ror16(TE0[(s1 >>> 8) & 255]!) ^ ror24(TE0[s2 & 255]!) ^ rk[k + 3]!;
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
    k += 4;
  }
  out[0] =
    ((SBOX[s0 >>> 24]! << 24) | (SBOX[(s1 >>> 16) & 255]! << 16) | (SBOX[(s2 >>> 8) & 255]! << 8) | SBOX[s3 & 255]!) ^
    rk[k]!;
  out[1] =
    ((SBOX[s1 >>> 24]! << 24) | (SBOX[(s2 >>> 16) & 255]! << 16) | (SBOX[(s3 >>> 8) & 255]! << 8) | SBOX[s0 & 255]!) ^
    rk[k + 1]!;
  out[2] =
    ((SBOX[s2 >>> 24]! << 24) | (SBOX[(s3 >>> 16) & 255]! << 16) | (SBOX[(s0 >>> 8) & 255]! << 8) | SBOX[s1 & 255]!) ^
    rk[k + 2]!;
  out[3] =
    ((SBOX[s3 >>> 24]! << 24) | (SBOX[(s0 >>> 16) & 255]! << 16) | (SBOX[(s1 >>> 8) & 255]! << 8) | SBOX[s2 & 255]!) ^
    rk[k + 3]!;
}
