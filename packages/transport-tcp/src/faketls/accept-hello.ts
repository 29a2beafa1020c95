import { bytesEqual, readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { TransportCrypto } from "../codec/crypto.js";
import { TransportError } from "../codec/errors.js";
import { HELLO_RANDOM_OFFSET } from "./client-hello.js";

/** Largest ClientHello record we buffer (TLS records carry at most 2^14 bytes). */
export const MAX_HELLO_RECORD = 5 + 16384;

export interface AcceptedHello {
  readonly secretIndex: number;
  readonly clientRandom: Uint8Array;
  readonly sessionId: Uint8Array;
  /** Unix time the client put in the HMAC's last 4 bytes. */
  readonly unixTime: number;
}

/** Length of the ClientHello record at the start of `head` (5 header bytes needed), after checks. */
export function clientHelloRecordLength(head: Uint8Array): number {
  if (head[0] !== 0x16 || head[1] !== 0x03 || head[2] !== 0x01)
    throw new TransportError("TLS_HANDSHAKE", "not a TLS handshake record");
  const length = 5 + ((head[3]! << 8) | head[4]!);
  if (length > MAX_HELLO_RECORD || length < HELLO_RANDOM_OFFSET + 32 + 33)
    throw new TransportError("TLS_HANDSHAKE", `ClientHello record of ${length} bytes`, { length });
  return length;
}

/**
 * Server side of fake-TLS: finds the secret whose HMAC matches the ClientHello's client_random
 * (28 bytes exact, the last 4 carry the client's clock) and checks the clock is within `maxSkewSeconds`.
 */
export function acceptClientHello(
  crypto: TransportCrypto,
  hello: Uint8Array,
  secretKeys: readonly Uint8Array[],
  nowSeconds: number,
  maxSkewSeconds: number,
): AcceptedHello {
  const received = hello.slice(HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
  const zeroed = Uint8Array.from(hello);
  zeroed.fill(0, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
  const sessionIdLength = hello[HELLO_RANDOM_OFFSET + 32]!;
  if (sessionIdLength !== 32)
    throw new TransportError("TLS_HANDSHAKE", `ClientHello session id of ${sessionIdLength} bytes`);
  for (const [secretIndex, key] of secretKeys.entries()) {
    const expected = crypto.hmacSha256(key, zeroed);
    if (!bytesEqual(expected.subarray(0, 28), received.subarray(0, 28))) continue;
    const unixTime = (readUint32LE(expected, 28) ^ readUint32LE(received, 28)) >>> 0;
    if (Math.abs(unixTime - nowSeconds) > maxSkewSeconds) {
      throw new TransportError("TLS_HANDSHAKE", "ClientHello timestamp outside the allowed clock skew", {
        unixTime,
        nowSeconds,
      });
    }
    const start = HELLO_RANDOM_OFFSET + 33;
    return { secretIndex, clientRandom: received, sessionId: hello.slice(start, start + 32), unixTime };
  }
  throw new TransportError("TLS_HANDSHAKE", "ClientHello HMAC matches no configured secret");
}
