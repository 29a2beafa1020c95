/** Typed failures of 2FA SRP (https://core.telegram.org/api/srp). */
export type SrpErrorCode = "INVALID_B" | "INVALID_A" | "M1_MISMATCH" | "INVALID_PARAMS";

export class SrpError extends Error {
  override readonly name = "SrpError";
  readonly code: SrpErrorCode;

  constructor(code: SrpErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
