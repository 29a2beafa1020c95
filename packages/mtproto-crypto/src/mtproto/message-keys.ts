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

/**
 * sha256_a = SHA256(msg_key ‖ auth_key[x .. x+36]), sha256_b = SHA256(auth_key[40+x .. 76+x] ‖ msg_key);
 * aes_key = a[0..8] ‖ b[8..24] ‖ a[24..32], aes_iv = b[0..8] ‖ a[8..24] ‖ b[24..32]. Runs for every
 * message in both directions, so it copies bytes by index into one input buffer and the two outputs
 * instead of making sub-arrays and concatenations (~1 KB of garbage less per message).
 */
export function deriveAesKeyIv(crypto: CryptoProvider, authKey: Uint8Array, msgKey: Uint8Array, x: 0 | 8): AesKeyIv {
  const input = new Uint8Array(52);
  copyInto(input, 0, msgKey, 0, 16);
  copyInto(input, 16, authKey, x, 36);
  const a = crypto.sha256(input);
  copyInto(input, 0, authKey, 40 + x, 36);
  copyInto(input, 36, msgKey, 0, 16);
  const b = crypto.sha256(input);
  const key = new Uint8Array(32);
  const iv = new Uint8Array(32);
  copyInto(key, 0, a, 0, 8);
  copyInto(key, 8, b, 8, 16);
  copyInto(key, 24, a, 24, 8);
  copyInto(iv, 0, b, 0, 8);
  copyInto(iv, 8, a, 8, 16);
  copyInto(iv, 24, b, 24, 8);
  return { key, iv };
}

/** `out.set(source.subarray(from, from + length), at)` without the sub-array (short runs only). */
function copyInto(out: Uint8Array, at: number, source: Uint8Array, from: number, length: number): void {
  for (let i = 0; i < length; i++) out[at + i] = source[from + i]!;
}
