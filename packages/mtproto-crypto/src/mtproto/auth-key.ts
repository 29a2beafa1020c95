/**
 * An auth key with its derived identifiers (https://core.telegram.org/mtproto/auth_key#dh-key-exchange-complete):
 * auth_key_id = SHA1(auth_key)[12..20] (the 64 lower-order bits), aux_hash = SHA1(auth_key)[0..8].
 */
import type { CryptoProvider } from "../provider.js";
import { readInt64LE } from "../util/bytes.js";

export interface AuthKey {
  /** The 256-byte key. */
  readonly key: Uint8Array;
  /** auth_key_id as the 8 bytes sent on the wire. */
  readonly id: Uint8Array;
  /** auth_key_id as a signed TL `long`. */
  readonly idLong: bigint;
  /** aux_hash, the 8 bytes used by new_nonce_hash and retry_id. */
  readonly auxHash: Uint8Array;
}

export function createAuthKey(crypto: CryptoProvider, key: Uint8Array): AuthKey {
  if (key.length !== 256) throw new RangeError(`auth_key must be 256 bytes, got ${key.length}`);
  const digest = crypto.sha1(key);
  const id = digest.slice(12, 20);
  return { key: key.slice(), id, idLong: readInt64LE(id, 0), auxHash: digest.slice(0, 8) };
}
