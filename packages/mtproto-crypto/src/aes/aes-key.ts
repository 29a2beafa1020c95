/**
 * AES key expansion (FIPS-197 §5.2) into encryption round keys plus the "equivalent inverse
 * cipher" decryption round keys (§5.3.5), so decryption can use T-tables too.
 */
import { SBOX, TD0 } from "./aes-tables.js";

export interface AesKeySchedule {
  /** Number of rounds: 10, 12 or 14 for 128-, 192- and 256-bit keys. */
  readonly rounds: number;
  /** 4 * (rounds + 1) round-key words. */
  readonly words: Int32Array;
}

const RCON = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36];

function subWord(w: number): number {
  return (SBOX[w >>> 24]! << 24) | (SBOX[(w >>> 16) & 0xff]! << 16) | (SBOX[(w >>> 8) & 0xff]! << 8) | SBOX[w & 0xff]!;
}

export function expandEncryptionKey(key: Uint8Array): AesKeySchedule {
  const nk = key.length / 4;
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${key.length}`);
  }
  const rounds = nk + 6;
  const total = 4 * (rounds + 1);
  const enc = new Int32Array(total);
  for (let i = 0; i < nk; i++) {
    enc[i] = (key[4 * i]! << 24) | (key[4 * i + 1]! << 16) | (key[4 * i + 2]! << 8) | key[4 * i + 3]!;
  }
  // `word` is i % nk, counted instead of divided (every message has its own key, so this runs per message).
  for (let i = nk, word = 0, rcon = 0; i < total; i++) {
    let t = enc[i - 1]!;
    if (word === 0) {
      t = subWord((t << 8) | (t >>> 24)) ^ (RCON[rcon++]! << 24);
    } else if (nk > 6 && word === 4) {
      t = subWord(t);
    }
    enc[i] = enc[i - nk]! ^ t;
    if (++word === nk) word = 0;
  }
  return { rounds, words: enc };
}

/**
 * InvMixColumns of a round-key word as four lookups: INV_MIX[256 * k + b] is the column that byte b
 * in position k contributes, TD0[SBOX[b]] rotated right by 8k bits (TD0 undoes the S-box itself).
 * One table instead of S-box, TD0 and a rotation per byte: the decryption key schedule runs once per
 * message, and for small messages it was a quarter of the whole decryption.
 */
const INV_MIX = new Int32Array(1024);
for (let k = 0; k < 4; k++) {
  for (let b = 0; b < 256; b++) {
    const w = TD0[SBOX[b]!]!;
    INV_MIX[256 * k + b] = k === 0 ? w : (w >>> (8 * k)) | (w << (32 - 8 * k));
  }
}

/** Round keys in reverse order with InvMixColumns applied to the inner ones (FIPS-197 §5.3.5). */
export function expandDecryptionKey(key: Uint8Array): AesKeySchedule {
  const { rounds, words: enc } = expandEncryptionKey(key);
  const dec = new Int32Array(enc.length);
  const last = 4 * rounds;
  for (let j = 0; j < 4; j++) {
    dec[j] = enc[last + j]!;
    dec[last + j] = enc[j]!;
  }
  for (let at = 4; at < last; at++) {
    const w = enc[last - (at & ~3) + (at & 3)]!;
    dec[at] =
      INV_MIX[w >>> 24]! ^
      INV_MIX[256 + ((w >>> 16) & 0xff)]! ^
      INV_MIX[512 + ((w >>> 8) & 0xff)]! ^
      INV_MIX[768 + (w & 0xff)]!;
  }
  return { rounds, words: dec };
}
