import { randomFillSync } from "node:crypto";

/** Requests up to this size are served from the pool; larger ones (DH exponents, file keys) go to OpenSSL directly. */
const POOLED_MAX = 128;
const POOL_SIZE = 4096;

/**
 * Small random fills from one pooled block. Each `randomFillSync` call is a native job (~2-7 µs on
 * this machine whatever the size), and every RPC draws 12-27 bytes of padding
 * (https://core.telegram.org/mtproto/description#encrypted-message); a 4 KiB block from the same
 * CSPRNG serves ~200 of them. No byte is handed out twice: the offset only moves forward and the
 * block is refilled when the request does not fit.
 */
export function createRandomFill(): (out: Uint8Array) => Uint8Array {
  const pool = new Uint8Array(POOL_SIZE);
  let offset = POOL_SIZE;
  return (out) => {
    const length = out.length;
    if (length > POOLED_MAX) return randomFillSync(out);
    if (offset + length > POOL_SIZE) {
      randomFillSync(pool);
      offset = 0;
    }
    out.set(pool.subarray(offset, offset + length));
    // Used bytes do not stay behind in the pool.
    pool.fill(0, offset, offset + length);
    offset += length;
    return out;
  };
}
