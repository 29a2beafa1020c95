/**
 * AES-IGE encryption through one native CBC pass (the Node provider without the AES-NI addon).
 * IGE as MTProto uses it: https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector
 *
 * IGE: c_i = E(m_i ^ c_{i-1}) ^ m_{i-1}. Put y_i = c_i ^ m_{i-1} = E(m_i ^ c_{i-1}). Since
 * c_{i-1} = y_{i-1} ^ m_{i-2}, we get y_i = E((m_i ^ m_{i-2}) ^ y_{i-1}): that is plain CBC over
 * x_i = m_i ^ m_{i-2} with CBC iv y_0 = c_0, taking m_{-1} = 0 and m_0 = iv[16..32]. So:
 *   x = [m_1, m_2 ^ m_0, m_3 ^ m_1, ...];  y = CBC(key, iv[0..16], x);  c_i = y_i ^ m_{i-1}.
 * Every x_i is known up front, so OpenSSL (AES-NI) encrypts the whole buffer in one call.
 * Decryption has no such trick (D's input depends on the previous plaintext), so it stays in wasm/JS.
 *
 * What is left besides OpenSSL's AES is per-call overhead and the two XOR passes; profiling
 * (README, Benchmarks) shaped this code:
 * - the XORs run on BigInt64Array views: TurboFan lowers BigInt64 element XOR to plain 64-bit
 *   integer code, ~2x the Int32Array loop;
 * - x lives in a reused scratch buffer (a fresh 64 KiB array cost ~8 µs of allocation and zeroing);
 * - the CBC iv is all zeros and c_0 is XORed into x_1 instead (no iv subarray per call);
 * - no setAutoPadding / final: an encrypting `update` returns every whole block at once (padding only
 *   happens in `final`), and those two calls cost ~3 µs of the ~7 µs a 1 KiB message takes.
 */
import { createCipheriv } from "node:crypto";
import { checkIgeArgs } from "../aes/ige.js";

const ZERO_IV = new Uint8Array(16);
/** The scratch buffer is kept between calls up to this size (MTProto file parts are at most 512 KiB). */
const SCRATCH_KEEP_BYTES = 1 << 20;
let scratch = new BigInt64Array(0);

function cbcName(key: Uint8Array): string {
  return key.length === 32 ? "aes-256-cbc" : key.length === 24 ? "aes-192-cbc" : "aes-128-cbc";
}

export function aesIgeEncryptNode(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkIgeArgs(data, key, iv);
  const n = data.length;
  if (n === 0) return new Uint8Array(0);
  const words = n >>> 3; // even: n is a multiple of 16, so block j is words 2j and 2j + 1
  const m = alignedWords(data);
  const v = alignedWords(iv); // v[0..2] = c_0, v[2..4] = m_0
  const x = scratchWords(words);
  x[0] = m[0]! ^ v[0]!;
  x[1] = m[1]! ^ v[1]!;
  if (words > 2) {
    x[2] = m[2]! ^ v[2]!;
    x[3] = m[3]! ^ v[3]!;
  }
  // Unrolled by two blocks (~1.4x the plain loop here); words is even, so at most one block is left.
  let i = 4;
  for (const end = words - 3; i < end; i += 4) {
    x[i] = m[i]! ^ m[i - 4]!;
    x[i + 1] = m[i + 1]! ^ m[i - 3]!;
    x[i + 2] = m[i + 2]! ^ m[i - 2]!;
    x[i + 3] = m[i + 3]! ^ m[i - 1]!;
  }
  if (i < words) {
    x[i] = m[i]! ^ m[i - 4]!;
    x[i + 1] = m[i + 1]! ^ m[i - 3]!;
  }
  const y = createCipheriv(cbcName(key), key, ZERO_IV).update(new Uint8Array(x.buffer, 0, n));
  const c = alignedWords(y);
  c[0] = c[0]! ^ v[2]!;
  c[1] = c[1]! ^ v[3]!;
  for (i = 2; i < words - 3; i += 4) {
    c[i] = c[i]! ^ m[i - 2]!;
    c[i + 1] = c[i + 1]! ^ m[i - 1]!;
    c[i + 2] = c[i + 2]! ^ m[i]!;
    c[i + 3] = c[i + 3]! ^ m[i + 1]!;
  }
  if (i < words) {
    c[i] = c[i]! ^ m[i - 2]!;
    c[i + 1] = c[i + 1]! ^ m[i - 1]!;
  }
  return new Uint8Array(c.buffer, c.byteOffset, n);
}

/** A 64-bit view of `bytes` (length a multiple of 8), over an aligned copy when the view would be unaligned. */
function alignedWords(bytes: Uint8Array): BigInt64Array {
  if (bytes.byteOffset % 8 === 0) return new BigInt64Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 3);
  const copy = new BigInt64Array(bytes.length >>> 3);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}

/** Room for x. Single-threaded and synchronous: no call can observe another's use of it. */
function scratchWords(count: number): BigInt64Array {
  if (count <= scratch.length) return scratch;
  const fresh = new BigInt64Array(count);
  if (count * 8 <= SCRATCH_KEEP_BYTES) scratch = fresh;
  return fresh;
}
