/**
 * MTProto 2.0 message decryption with every check of
 * https://core.telegram.org/mtproto/security_guidelines#mtproto-encrypted-messages:
 * auth_key_id, msg_key recomputed over the whole decrypted plaintext (padding included),
 * length % 16, 0 <= message_data_length <= plaintext - 32, message_data_length % 4 == 0 and
 * 12 <= padding <= 1024. Length checks on decrypted data run only after msg_key matched, so a
 * tampered packet always fails the same way (MSG_KEY_MISMATCH) and no length oracle exists.
 */
import type { CryptoProvider } from "../provider.js";
import { bytesEqual, readInt32LE, readInt64LE } from "../util/bytes.js";
import type { AuthKey } from "./auth-key.js";
import { MESSAGE_HEADER_LENGTH } from "./encrypt-message.js";
import { MessageCryptoError } from "./message-crypto-error.js";
import { computeMsgKey, deriveAesKeyIv, kdfOffset, type MessageSender } from "./message-keys.js";

export interface DecryptedMessage {
  readonly salt: bigint;
  readonly sessionId: bigint;
  readonly msgId: bigint;
  readonly seqNo: number;
  /** message_data (a view into `plaintext`). */
  readonly body: Uint8Array;
  /** The whole decrypted plaintext, padding included. */
  readonly plaintext: Uint8Array;
}

export interface DecryptMessageOptions {
  /** Reject a message from another session (SESSION_ID_MISMATCH). */
  readonly expectedSessionId?: bigint;
  /**
   * Ignore up to 15 trailing bytes (packet length % 16 after the 24-byte header), as the padded
   * intermediate transport appends them (https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate).
   */
  readonly allowTransportPadding?: boolean;
}

const OUTER_HEADER = 24;

export function decryptMessage(
  crypto: CryptoProvider,
  authKey: AuthKey,
  packet: Uint8Array,
  sender: MessageSender,
  options: DecryptMessageOptions = {},
): DecryptedMessage {
  if (packet.length < OUTER_HEADER + MESSAGE_HEADER_LENGTH + 16) {
    throw new MessageCryptoError(
      "PACKET_TOO_SHORT",
      `encrypted packet of ${packet.length} bytes is too short`,
      packet.length,
    );
  }
  if (!bytesEqual(packet.subarray(0, 8), authKey.id)) {
    throw new MessageCryptoError("AUTH_KEY_ID_MISMATCH", "auth_key_id does not match the key", packet.length);
  }
  let encryptedLength = packet.length - OUTER_HEADER;
  if (encryptedLength % 16 !== 0) {
    if (options.allowTransportPadding !== true) {
      throw new MessageCryptoError("LENGTH_NOT_ALIGNED", "encrypted data is not a multiple of 16 bytes", packet.length);
    }
    encryptedLength -= encryptedLength % 16;
  }
  const msgKey = packet.subarray(8, OUTER_HEADER);
  const x = kdfOffset(sender);
  const { key, iv } = deriveAesKeyIv(crypto, authKey.key, msgKey, x);
  const plaintext = crypto.aesIgeDecrypt(packet.subarray(OUTER_HEADER, OUTER_HEADER + encryptedLength), key, iv);
  if (!bytesEqual(computeMsgKey(crypto, authKey.key, plaintext, x), msgKey)) {
    throw new MessageCryptoError("MSG_KEY_MISMATCH", "msg_key does not match the decrypted plaintext", packet.length);
  }
  const dataLength = readInt32LE(plaintext, 28);
  if (dataLength < 0 || dataLength > plaintext.length - MESSAGE_HEADER_LENGTH) {
    throw new MessageCryptoError(
      "LENGTH_OUT_OF_RANGE",
      `message_data_length ${dataLength} is out of range`,
      dataLength,
    );
  }
  if (dataLength % 4 !== 0) {
    throw new MessageCryptoError(
      "LENGTH_NOT_MULTIPLE_OF_4",
      `message_data_length ${dataLength} is not a multiple of 4`,
      dataLength,
    );
  }
  const paddingLength = plaintext.length - MESSAGE_HEADER_LENGTH - dataLength;
  if (paddingLength < 12 || paddingLength > 1024) {
    throw new MessageCryptoError(
      "PADDING_OUT_OF_RANGE",
      `padding of ${paddingLength} bytes is outside 12..1024`,
      paddingLength,
    );
  }
  const sessionId = readInt64LE(plaintext, 8);
  if (options.expectedSessionId !== undefined && sessionId !== options.expectedSessionId) {
    throw new MessageCryptoError("SESSION_ID_MISMATCH", "message belongs to another session", packet.length);
  }
  return {
    salt: readInt64LE(plaintext, 0),
    sessionId,
    msgId: readInt64LE(plaintext, 16),
    seqNo: readInt32LE(plaintext, 24),
    body: plaintext.subarray(MESSAGE_HEADER_LENGTH, MESSAGE_HEADER_LENGTH + dataLength),
    plaintext,
  };
}
