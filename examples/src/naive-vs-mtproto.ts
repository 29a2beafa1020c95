// docs/mtproto-measured.md, "Naive AES beside MTProto 2.0": the same message sealed twice.
import {
  computeMsgKey,
  createAuthKey,
  decryptMessage,
  deriveAesKeyIv,
  encryptMessage,
  kdfOffset,
  type CryptoProvider,
} from "@mtkit/mtproto-crypto";
import { createCipheriv } from "node:crypto";

/** What popular articles show: one static key, ECB, no integrity. Equal blocks give equal output, and any bit can be flipped unseen. */
export function naiveAesEcb(staticKey: Uint8Array, data: Uint8Array): Uint8Array {
  const cipher = createCipheriv("aes-256-ecb", staticKey, null);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

/** MTProto 2.0, step by step (https://core.telegram.org/mtproto/description); `encryptMessage` does the same. */
export function mtprotoByHand(
  crypto: CryptoProvider,
  authKeyBytes: Uint8Array,
  plaintext: Uint8Array,
  padding: Uint8Array,
): Uint8Array {
  const authKey = createAuthKey(crypto, authKeyBytes);
  // 1. Padding (12..1024 random bytes, total a multiple of 16): equal messages no longer look equal.
  const padded = new Uint8Array([...plaintext, ...padding]);
  // 2. msg_key = middle 128 bits of SHA-256(part of auth_key ‖ padded plaintext): integrity, bound to the key.
  const x = kdfOffset("client"); // client->server and server->client use different key parts
  const msgKey = computeMsgKey(crypto, authKey.key, padded, x);
  // 3. A fresh AES key and IV per message, derived from auth_key and msg_key: no static key, no IV reuse.
  const { key, iv } = deriveAesKeyIv(crypto, authKey.key, msgKey, x);
  // 4. AES-256-IGE, then auth_key_id ‖ msg_key in clear so the receiver can find the key and check step 2.
  return new Uint8Array([...authKey.id, ...msgKey, ...crypto.aesIgeEncrypt(padded, key, iv)]);
}

/** The library path, for comparison: the same bytes for the same padding. */
export function mtprotoLibrary(
  crypto: CryptoProvider,
  authKeyBytes: Uint8Array,
  plaintext: Uint8Array,
  padding: Uint8Array,
): Uint8Array {
  return encryptMessage(crypto, createAuthKey(crypto, authKeyBytes), plaintext, "client", { padding });
}

export { decryptMessage };
