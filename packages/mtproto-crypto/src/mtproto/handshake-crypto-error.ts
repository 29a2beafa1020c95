/** Typed failures of auth-key-creation crypto (https://core.telegram.org/mtproto/auth_key). */
export type HandshakeCryptoErrorCode = "ANSWER_HASH_MISMATCH";

export class HandshakeCryptoError extends Error {
  override readonly name = "HandshakeCryptoError";
  readonly code: HandshakeCryptoErrorCode;

  constructor(code: HandshakeCryptoErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
