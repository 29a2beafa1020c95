/** Typed failures of DH parameter checks (https://core.telegram.org/mtproto/security_guidelines#g-a-and-g-b-validation). */
export type DhCheckErrorCode = "PRIME_NOT_2048_BITS" | "PRIME_NOT_SAFE" | "GENERATOR_INVALID" | "VALUE_OUT_OF_RANGE";

export class DhCheckError extends Error {
  override readonly name = "DhCheckError";
  readonly code: DhCheckErrorCode;

  constructor(code: DhCheckErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
