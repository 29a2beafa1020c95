import {
  decryptMessage,
  encryptMessage,
  MessageCryptoError,
  type AuthKey,
  type CryptoProvider,
  type DecryptedMessage,
  type MessageSender,
} from "@mtkit/mtproto-crypto";
import { MessageRejectedError, type MessageRejectCode } from "../errors.js";
import { encodeEnvelope, type Envelope } from "./envelope.js";

/**
 * Encrypted-message sealing and opening for one role. The crypto (msg_key, KDF, padding checks)
 * lives in @mtkit/mtproto-crypto; this maps its errors to the session's typed rejections.
 */
export function sealMessage(
  crypto: CryptoProvider,
  authKey: AuthKey,
  envelope: Envelope,
  sender: MessageSender,
): Uint8Array {
  return encryptMessage(crypto, authKey, encodeEnvelope(envelope), sender);
}

const CODE_MAP: Record<string, MessageRejectCode> = {
  PACKET_TOO_SHORT: "TOO_SHORT",
  LENGTH_NOT_ALIGNED: "BAD_LENGTH",
  AUTH_KEY_ID_MISMATCH: "AUTH_KEY_ID_MISMATCH",
  MSG_KEY_MISMATCH: "MSG_KEY_MISMATCH",
  LENGTH_OUT_OF_RANGE: "BAD_LENGTH",
  LENGTH_NOT_MULTIPLE_OF_4: "BAD_LENGTH",
  PADDING_OUT_OF_RANGE: "BAD_PADDING",
  SESSION_ID_MISMATCH: "SESSION_ID_MISMATCH",
};

/** Decrypts a packet sent by `sender`; every failure becomes a MessageRejectedError. */
export function openMessage(
  crypto: CryptoProvider,
  authKey: AuthKey,
  packet: Uint8Array,
  sender: MessageSender,
  expectedSessionId?: bigint,
): DecryptedMessage {
  try {
    // The padded intermediate transport appends 0..15 random bytes after the message; they are
    // not part of it (https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate).
    const options = { allowTransportPadding: true, ...(expectedSessionId === undefined ? {} : { expectedSessionId }) };
    return decryptMessage(crypto, authKey, packet, sender, options);
  } catch (error) {
    if (error instanceof MessageCryptoError) {
      throw new MessageRejectedError(CODE_MAP[error.code] ?? "MSG_KEY_MISMATCH", error.message);
    }
    throw error;
  }
}
