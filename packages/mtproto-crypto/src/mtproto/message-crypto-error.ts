/** Typed failures of MTProto message encryption/decryption (https://core.telegram.org/mtproto/security_guidelines). */
export type MessageCryptoErrorCode =
  | "INVALID_PLAINTEXT"
  | "INVALID_PADDING"
  | "PACKET_TOO_SHORT"
  | "LENGTH_NOT_ALIGNED"
  | "AUTH_KEY_ID_MISMATCH"
  | "MSG_KEY_MISMATCH"
  | "LENGTH_OUT_OF_RANGE"
  | "LENGTH_NOT_MULTIPLE_OF_4"
  | "PADDING_OUT_OF_RANGE"
  | "SESSION_ID_MISMATCH";

export class MessageCryptoError extends Error {
  override readonly name = "MessageCryptoError";
  readonly code: MessageCryptoErrorCode;
  /** Length of the offending packet or plaintext, when one applies. */
  readonly length: number | undefined;

  constructor(code: MessageCryptoErrorCode, message: string, length?: number) {
    super(message);
    this.code = code;
    this.length = length;
  }
}
