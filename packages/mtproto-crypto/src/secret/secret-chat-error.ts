/** Typed failures of secret-chat crypto (https://core.telegram.org/api/end-to-end). */
export type SecretChatErrorCode =
  | "INVALID_KEY"
  | "PACKET_TOO_SHORT"
  | "LENGTH_NOT_ALIGNED"
  | "FINGERPRINT_MISMATCH"
  | "MSG_KEY_MISMATCH"
  | "LENGTH_OUT_OF_RANGE"
  | "PADDING_OUT_OF_RANGE"
  | "INVALID_PADDING";

export class SecretChatError extends Error {
  override readonly name = "SecretChatError";
  readonly code: SecretChatErrorCode;

  constructor(code: SecretChatErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
