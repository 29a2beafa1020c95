/**
 * SHA-256 (FIPS 180-4) in plain JS for the short inputs of MTProto's per-message KDF: the three
 * hashes of every message sent or received (https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector)
 * take 52 bytes twice and 32 + the padded plaintext once. Measured on Node 20, one native
 * `crypto.hash` call costs 1-4 µs whatever the length (the binding and a new ArrayBuffer for the
 * digest), and this loop ~0.4-0.6 µs per 64-byte block, so the Node provider sends inputs up to
 * `JS_SHA256_MAX_LENGTH` here. No allocation but the 32-byte result: the input is copied into one
 * scratch buffer that grows to the largest input seen.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/**
 * Inputs up to this length (two 64-byte blocks once padded) take the JS loop in the Node provider;
 * from three blocks on the native call was faster on a quiet machine (1.24 against 1.37 µs at 120
 * bytes, 0.96 against 1.19 at 119; 2026-12-03).
 */
export const JS_SHA256_MAX_LENGTH = 119;

const state = new Int32Array(8);
const w = new Int32Array(64);
let scratch = new Uint8Array(128);

function compress(block: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4;
    // Non-null: `at + 63 < block.length` for every block the caller passes.
    w[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** SHA-256 of `first ‖ second` (second may be omitted) without concatenating them first. */
export function sha256Js(first: Uint8Array, second?: Uint8Array): Uint8Array {
  const length = first.length + (second?.length ?? 0);
  // Message, 0x80, zeros, 64-bit big-endian bit length: a whole number of 64-byte blocks.
  const padded = (length + 9 + 63) & ~63;
  if (scratch.length < padded) scratch = new Uint8Array(padded);
  const buffer = scratch;
  buffer.set(first, 0);
  if (second !== undefined) buffer.set(second, first.length);
  buffer[length] = 0x80;
  buffer.fill(0, length + 1, padded - 4);
  const bits = length * 8;
  buffer[padded - 4] = bits >>> 24;
  buffer[padded - 3] = bits >>> 16;
  buffer[padded - 2] = bits >>> 8;
  buffer[padded - 1] = bits;
  state.set(INITIAL);
  for (let at = 0; at < padded; at += 64) compress(buffer, at);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    out[i * 4] = word >>> 24;
    out[i * 4 + 1] = word >>> 16;
    out[i * 4 + 2] = word >>> 8;
    out[i * 4 + 3] = word;
  }
  return out;
}
