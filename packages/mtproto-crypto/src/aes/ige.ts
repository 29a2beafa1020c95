/**
 * AES-IGE (Infinite Garble Extension) in pure JS, as MTProto uses it
 * (https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector).
 * The 32-byte IV is OpenSSL's layout: iv[0..16] = "previous ciphertext" c_0, iv[16..32] =
 * "previous plaintext" m_0.   c_i = E(m_i ^ c_{i-1}) ^ m_{i-1};   m_i = D(c_i ^ m_{i-1}) ^ c_{i-1}.
 *
 * Both directions share one loop. In either, the block's input is XORed with the previous *output*
 * and the cipher's result with the previous *input*; only which iv half starts which chain differs.
 * The T-table rounds of the inverse cipher (FIPS-197 §5.3.5) equal the forward ones with state words
 * 1 and 3 swapped, so the loop keeps its state in "lanes" — words 0,1,2,3 for encryption, 0,3,2,1
 * for decryption — and reads/writes each block and the iv in lane order, with round keys permuted
 * to match (laneOrderedKeys).
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
  const { words, rounds } = expandEncryptionKey(key);
  return igeLoop(data, iv, words, rounds, TE0, SBOX, 0, 4);
}

export function aesIgeDecryptJs(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkIgeArgs(data, key, iv);
  const { words, rounds } = expandDecryptionKey(key);
  return igeLoop(data, iv, laneOrderedKeys(words), rounds, TD0, INV_SBOX, 16, 12);
}

/** Round keys with words 1 and 3 of every round swapped: the decryption lanes 0,3,2,1. */
function laneOrderedKeys(words: Int32Array): Int32Array {
  const out = words.slice();
  for (let k = 0; k < out.length; k += 4) {
    out[k + 1] = words[k + 3]!;
    out[k + 3] = words[k + 1]!;
  }
  return out;
}

/**
 * One IGE pass. `inChainAt` is the iv half the input chain starts from (0 = c_0 when encrypting,
 * 16 = m_0 when decrypting; the output chain takes the other half); `lane1At` is the byte offset of
 * lane 1 within a block (4, or 12 for decryption; lane 3 is the other one).
 */
function igeLoop(
  data: Uint8Array,
  iv: Uint8Array,
  rk: Int32Array,
  rounds: number,
  table: Int32Array,
  sbox: Uint8Array,
  inChainAt: number,
  lane1At: number,
): Uint8Array {
  const out = new Uint8Array(data.length);
  const lane3At = 16 - lane1At;
  const outChainAt = 16 - inChainAt;
  // a = previous output block (chained into the input), b = previous input block (into the output).
  let a0 = readWordBE(iv, inChainAt),
    a1 = readWordBE(iv, inChainAt + lane1At),
    a2 = readWordBE(iv, inChainAt + 8),
    a3 = readWordBE(iv, inChainAt + lane3At);
  let b0 = readWordBE(iv, outChainAt),
    b1 = readWordBE(iv, outChainAt + lane1At),
    b2 = readWordBE(iv, outChainAt + 8),
    b3 = readWordBE(iv, outChainAt + lane3At);
  const last = 4 * rounds;
  for (let i = 0; i < data.length; i += 16) {
    const x0 = readWordBE(data, i),
      x1 = readWordBE(data, i + lane1At),
      x2 = readWordBE(data, i + 8),
      x3 = readWordBE(data, i + lane3At);
    // The rounds are written out here: TurboFan does not inline a block function this large, and
    // the call plus its result array cost ~30% of the time.
    let s0 = x0 ^ a0 ^ rk[0]!,
      s1 = x1 ^ a1 ^ rk[1]!,
      s2 = x2 ^ a2 ^ rk[2]!,
      s3 = x3 ^ a3 ^ rk[3]!;
    for (let k = 4; k < last; k += 4) {
      const t0 =
        table[s0 >>> 24]! ^
        ror8(table[(s1 >>> 16) & 255]!) ^
        ror16(table[(s2 >>> 8) & 255]!) ^
        ror24(table[s3 & 255]!) ^
        rk[k]!;
      const t1 =
        table[s1 >>> 24]! ^
        ror8(table[(s2 >>> 16) & 255]!) ^
        ror16(table[(s3 >>> 8) & 255]!) ^
        ror24(table[s0 & 255]!) ^
        rk[k + 1]!;
      const t2 =
        table[s2 >>> 24]! ^
        ror8(table[(s3 >>> 16) & 255]!) ^
        ror16(table[(s0 >>> 8) & 255]!) ^
        ror24(table[s1 & 255]!) ^
        rk[k + 2]!;
      s3 =
        table[s3 >>> 24]! ^
        ror8(table[(s0 >>> 16) & 255]!) ^
        ror16(table[(s1 >>> 8) & 255]!) ^
        ror24(table[s2 & 255]!) ^
        rk[k + 3]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
    }
    a0 = lastRound(sbox, s0, s1, s2, s3, rk[last]!) ^ b0;
    a1 = lastRound(sbox, s1, s2, s3, s0, rk[last + 1]!) ^ b1;
    a2 = lastRound(sbox, s2, s3, s0, s1, rk[last + 2]!) ^ b2;
    a3 = lastRound(sbox, s3, s0, s1, s2, rk[last + 3]!) ^ b3;
    writeWordBE(out, i, a0);
    writeWordBE(out, i + lane1At, a1);
    writeWordBE(out, i + 8, a2);
    writeWordBE(out, i + lane3At, a3);
    b0 = x0;
    b1 = x1;
    b2 = x2;
    b3 = x3;
  }
  return out;
}

function lastRound(sbox: Uint8Array, a: number, b: number, c: number, d: number, k: number): number {
  return (
    ((sbox[a >>> 24]! << 24) | (sbox[(b >>> 16) & 255]! << 16) | (sbox[(c >>> 8) & 255]! << 8) | sbox[d & 255]!) ^ k
  );
}
