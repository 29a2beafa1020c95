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
  return sha256OfTwo(crypto, authKey.subarray(88 + x, 120 + x), paddedPlaintext).slice(8, 24);
}

/** Inputs up to this many bytes are joined in one reused buffer; longer ones (file parts) in a new one. */
const SCRATCH_LENGTH = 4096;
// Off-heap from the start (an explicit ArrayBuffer), so native hashes read it in place. The hashes are
// synchronous and nothing keeps the view, so one buffer serves every call.
const scratch = new Uint8Array(new ArrayBuffer(SCRATCH_LENGTH));

/**
 * SHA-256 of `first ‖ second`. Runs three times per message sent or received, so the two parts are
 * joined in a reused buffer instead of a new array each time (less garbage per message).
 */
function sha256OfTwo(crypto: CryptoProvider, first: Uint8Array, second: Uint8Array): Uint8Array {
  const length = first.length + second.length;
  if (length > SCRATCH_LENGTH) return crypto.sha256(concatBytes(first, second));
  scratch.set(first, 0);
  scratch.set(second, first.length);
  return crypto.sha256(scratch.subarray(0, length));
}

/**
 * sha256_a = SHA256(msg_key ‖ auth_key[x .. x+36]), sha256_b = SHA256(auth_key[40+x .. 76+x] ‖ msg_key);
 * aes_key = a[0..8] ‖ b[8..24] ‖ a[24..32], aes_iv = b[0..8] ‖ a[8..24] ‖ b[24..32]. Runs for every
 * message sent and received, so the inputs and outputs are filled by index instead of through
 * subarray views and concatenations (fewer short-lived objects per message).
 */
export function deriveAesKeyIv(crypto: CryptoProvider, authKey: Uint8Array, msgKey: Uint8Array, x: 0 | 8): AesKeyIv {
  const a = sha256OfTwo(crypto, msgKey, authKey.subarray(x, x + 36));
  const b = sha256OfTwo(crypto, authKey.subarray(40 + x, 76 + x), msgKey);
  const key = new Uint8Array(32);
  const iv = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    const fromA = i < 8 || i >= 24;
    key[i] = (fromA ? a[i] : b[i]) ?? 0;
    iv[i] = (fromA ? b[i] : a[i]) ?? 0;
  }
  return { key, iv };
}
