/**
 * MTProto 2.0 msg_key and AES key/iv derivation
 * (https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector).
 * x = 0 for messages the client sends, x = 8 for messages the server sends. Secret chats reuse the
 * same KDF with the chat key (x = 0 from the chat originator).
 */
import type { CryptoProvider } from "../provider.js";
import { concatBytes } from "../util/bytes.js";

/** Who produced (encrypted) a message; decides x in the KDF. */
export type MessageSender = "client" | "server";

export function kdfOffset(sender: MessageSender): 0 | 8 {
  return sender === "client" ? 0 : 8;
}

export interface AesKeyIv {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
}

/** msg_key = SHA256(auth_key[88+x .. 120+x] ‖ plaintext_with_padding)[8..24]. */
export function computeMsgKey(
  crypto: CryptoProvider,
  authKey: Uint8Array,
  paddedPlaintext: Uint8Array,
  x: 0 | 8,
): Uint8Array {
  return crypto.sha256(concatBytes(authKey.subarray(88 + x, 120 + x), paddedPlaintext)).slice(8, 24);
}

export function deriveAesKeyIv(crypto: CryptoProvider, authKey: Uint8Array, msgKey: Uint8Array, x: 0 | 8): AesKeyIv {
  const a = crypto.sha256(concatBytes(msgKey, authKey.subarray(x, x + 36)));
  const b = crypto.sha256(concatBytes(authKey.subarray(40 + x, 76 + x), msgKey));
  return {
    key: concatBytes(a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)),
    iv: concatBytes(b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)),
  };
}
