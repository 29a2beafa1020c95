/**
 * MTProto 2.0 message encryption (https://core.telegram.org/mtproto/description#encrypted-message).
 * Input: salt ‖ session_id ‖ msg_id ‖ seq_no ‖ message_data_length ‖ message_data.
 * Output: auth_key_id ‖ msg_key ‖ AES-256-IGE(input ‖ 12..1024 random padding bytes).
 */
import type { CryptoProvider } from "../provider.js";
import { concatBytes, readInt32LE } from "../util/bytes.js";
import type { AuthKey } from "./auth-key.js";
import { MessageCryptoError } from "./message-crypto-error.js";
import { computeMsgKey, deriveAesKeyIv, kdfOffset, type MessageSender } from "./message-keys.js";

export const MESSAGE_HEADER_LENGTH = 32;

export interface EncryptMessageOptions {
  /** Exact padding bytes (tests, vectors); otherwise the minimum 12..27 random bytes are drawn. */
  readonly padding?: Uint8Array;
}

/** The shortest padding of at least 12 bytes that makes the plaintext a multiple of 16. */
export function minimalPaddingLength(plaintextLength: number): number {
  return 12 + ((16 - ((plaintextLength + 12) % 16)) % 16);
}

export function checkPadding(plaintextLength: number, padding: Uint8Array): void {
  if (padding.length < 12 || padding.length > 1024 || (plaintextLength + padding.length) % 16 !== 0) {
    throw new MessageCryptoError(
      "INVALID_PADDING",
      `padding of ${padding.length} bytes is not 12..1024 aligning to 16`,
      padding.length,
    );
  }
}

export function encryptMessage(
  crypto: CryptoProvider,
  authKey: AuthKey,
  plaintext: Uint8Array,
  sender: MessageSender,
  options: EncryptMessageOptions = {},
): Uint8Array {
  const length = plaintext.length;
  if (
    length < MESSAGE_HEADER_LENGTH ||
    length % 4 !== 0 ||
    readInt32LE(plaintext, 28) !== length - MESSAGE_HEADER_LENGTH
  ) {
    throw new MessageCryptoError(
      "INVALID_PLAINTEXT",
      "plaintext must be a 32-byte header with a matching message_data_length",
      length,
    );
  }
  const padding = options.padding ?? crypto.randomFill(new Uint8Array(minimalPaddingLength(length)));
  checkPadding(length, padding);
  const padded = concatBytes(plaintext, padding);
  const x = kdfOffset(sender);
  const msgKey = computeMsgKey(crypto, authKey.key, padded, x);
  const { key, iv } = deriveAesKeyIv(crypto, authKey.key, msgKey, x);
  return concatBytes(authKey.id, msgKey, crypto.aesIgeEncrypt(padded, key, iv));
}
