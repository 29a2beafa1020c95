import type { AesCtr } from "@mtkit/mtproto-crypto";
import { concatBytes, reversed } from "@mtkit/mtproto-crypto/bytes";
import type { TransportCrypto } from "../codec/crypto.js";

/** Both AES-256-CTR streams of one side of an obfuscated connection. */
export interface ObfuscationCiphers {
  /** Encrypts what this side sends. */
  readonly encryptor: AesCtr;
  /** Decrypts what this side receives. */
  readonly decryptor: AesCtr;
}

export interface ObfuscationKeyMaterial {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
}

/**
 * The two key/iv pairs of an init payload: `forward` = init[8..40] / init[40..56] (client -> server),
 * `backward` from reverse(init[8..56]) (server -> client). With an MTProxy secret each key becomes
 * SHA256(key || secret). https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 */
export function obfuscationKeys(
  crypto: TransportCrypto,
  init: Uint8Array,
  secretKey?: Uint8Array,
): { forward: ObfuscationKeyMaterial; backward: ObfuscationKeyMaterial } {
  const rev = reversed(init.subarray(8, 56));
  const mix = (key: Uint8Array): Uint8Array =>
    secretKey === undefined ? key : crypto.sha256(concatBytes(key, secretKey));
  return {
    forward: { key: mix(init.slice(8, 40)), iv: init.slice(40, 56) },
    backward: { key: mix(rev.slice(0, 32)), iv: rev.slice(32, 48) },
  };
}

/** Ciphers for `role`: the client encrypts with `forward`, the server with `backward`. */
export function obfuscationCiphers(
  crypto: TransportCrypto,
  init: Uint8Array,
  role: "client" | "server",
  secretKey?: Uint8Array,
): ObfuscationCiphers {
  const { forward, backward } = obfuscationKeys(crypto, init, secretKey);
  const send = role === "client" ? forward : backward;
  const receive = role === "client" ? backward : forward;
  return { encryptor: crypto.createAesCtr(send.key, send.iv), decryptor: crypto.createAesCtr(receive.key, receive.iv) };
}
