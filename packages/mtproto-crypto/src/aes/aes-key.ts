/**
 * AES key expansion (FIPS-197 §5.2) into encryption round keys plus the "equivalent inverse
 * cipher" decryption round keys (§5.3.5), so decryption can use T-tables too.
 */
import { SBOX, TD0 } from "./aes-tables.js";
import { ror16, ror24, ror8 } from "./words.js";

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
  for (let i = nk; i < total; i++) {
    let t = enc[i - 1]!;
    if (i % nk === 0) {
      t = subWord((t << 8) | (t >>> 24)) ^ (RCON[i / nk - 1]! << 24);
    } else if (nk > 6 && i % nk === 4) {
      t = subWord(t);
    }
    enc[i] = enc[i - nk]! ^ t;
  }
  return { rounds, words: enc };
}

/** Round keys in reverse order with InvMixColumns applied to the inner ones (FIPS-197 §5.3.5). */
export function expandDecryptionKey(key: Uint8Array): AesKeySchedule {
  const { rounds, words: enc } = expandEncryptionKey(key);
  const dec = new Int32Array(enc.length);
  for (let round = 0; round <= rounds; round++) {
    for (let j = 0; j < 4; j++) {
      const w = enc[4 * (rounds - round) + j]!;
      dec[4 * round + j] =
        round === 0 || round === rounds
          ? w
          : TD0[SBOX[w >>> 24]!]! ^
            ror8(TD0[SBOX[(w >>> 16) & 0xff]!]!) ^
            ror16(TD0[SBOX[(w >>> 8) & 0xff]!]!) ^
            ror24(TD0[SBOX[w & 0xff]!]!);
    }
  }
  return { rounds, words: dec };
}
