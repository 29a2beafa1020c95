/**
 * The Diffie-Hellman exchange of a secret chat (https://core.telegram.org/api/end-to-end#key-generation),
 * also used unchanged by re-keying (https://core.telegram.org/api/end-to-end/pfs): a 2048-bit
 * exponent from our randomness XOR the server's, g^x mod p checked against the range rule of
 * https://core.telegram.org/mtproto/security_guidelines on both sides, and a 256-byte key.
 */
import {
  bigIntFromBytes,
  bigIntToBytes,
  checkDhValue,
  type CryptoProvider,
  DhCheckError,
  secretKeyFingerprint,
  xorBytes,
} from "@mtkit/mtproto-crypto";
import type { DhParams } from "./dh-config-cache.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";

export interface DhHalf {
  /** The secret exponent; kept only until the key is computed. */
  readonly exponent: bigint;
  /** g^exponent mod p as 256 big-endian bytes, for the wire. */
  readonly publicValue: Uint8Array;
}

/** Turns a g_a / g_b from the wire into a number, rejecting values outside the safe range. */
export function checkPublicValue(params: DhParams, bytes: Uint8Array, name: string): bigint {
  if (bytes.length === 0 || bytes.length > 256) {
    throw new SecretChatProtocolError("DH_VALUE_OUT_OF_RANGE", `${name} has ${bytes.length} bytes`);
  }
  const value = bigIntFromBytes(bytes);
  try {
    checkDhValue(params.p, value, name);
  } catch (error) {
    if (error instanceof DhCheckError) throw new SecretChatProtocolError("DH_VALUE_OUT_OF_RANGE", error.message);
    throw error;
  }
  return value;
}

/** A fresh exponent and its public value; `serverRandom` is getDhConfig's random (may be empty for re-keying). */
export function makeDhHalf(crypto: CryptoProvider, params: DhParams, serverRandom: Uint8Array): DhHalf {
  // A few tries: a value outside the safe range is astronomically unlikely, never impossible.
  for (let attempt = 0; attempt < 8; attempt++) {
    let secret = crypto.randomFill(new Uint8Array(256));
    if (serverRandom.length === 256) secret = xorBytes(secret, serverRandom);
    const exponent = bigIntFromBytes(secret);
    const value = crypto.modPow(BigInt(params.g), exponent, params.p);
    try {
      checkDhValue(params.p, value, "own public value");
      return { exponent, publicValue: bigIntToBytes(value, 256) };
    } catch (error) {
      if (!(error instanceof DhCheckError)) throw error;
    }
  }
  throw new SecretChatProtocolError("DH_VALUE_OUT_OF_RANGE", "could not draw an exponent in range");
}

export interface SharedKey {
  readonly key: Uint8Array;
  readonly fingerprint: bigint;
}

/** key = peerPublic^exponent mod p (256 bytes) and its fingerprint; checks the peer's value first. */
export function computeSharedKey(
  crypto: CryptoProvider,
  params: DhParams,
  own: DhHalf,
  peerPublic: Uint8Array,
  name: string,
): SharedKey {
  const peer = checkPublicValue(params, peerPublic, name);
  const key = bigIntToBytes(crypto.modPow(peer, own.exponent, params.p), 256);
  return { key, fingerprint: secretKeyFingerprint(crypto, key) };
}
