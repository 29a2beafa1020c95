/** Typed RSA failures: bad key encodings, RSA_PAD input or verification (https://core.telegram.org/mtproto/auth_key#41-rsa-paddata-server-public-key-mentioned-above-is-implemented-as-follows). */
export type RsaErrorCode =
  "INVALID_PEM" | "INVALID_DER" | "UNSUPPORTED_KEY" | "DATA_TOO_LONG" | "INVALID_CIPHERTEXT" | "PAD_HASH_MISMATCH";

export class RsaError extends Error {
  override readonly name = "RsaError";
  readonly code: RsaErrorCode;

  constructor(code: RsaErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
