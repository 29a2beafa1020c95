// TODO(move to mtproto-crypto): pq generation for the server's resPQ.
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { isProbablePrime } from "@mtkit/mtproto-crypto";

export interface PqPair {
  readonly p: bigint;
  readonly q: bigint;
  readonly pq: bigint;
}

function randomPrime(crypto: CryptoProvider, bits: number): bigint {
  const bytes = new Uint8Array(4);
  for (;;) {
    crypto.randomFill(bytes);
    // Top bit set keeps the size, bottom bit set keeps it odd.
    const value = (((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> (32 - bits)) | 1;
    const candidate = BigInt((value | (1 << (bits - 1))) >>> 0);
    if (isProbablePrime(candidate, crypto, 20)) return candidate;
  }
}

/**
 * Two distinct ~31-bit primes p < q, so pq < 2^63 as https://core.telegram.org/mtproto/auth_key asks
 * and clients that reject a prime pq (mtcute) are satisfied.
 */
export function generatePq(crypto: CryptoProvider): PqPair {
  for (;;) {
    const a = randomPrime(crypto, 31);
    const b = randomPrime(crypto, 31);
    if (a === b) continue;
    const [p, q] = a < b ? [a, b] : [b, a];
    return { p, q, pq: p * q };
  }
}
