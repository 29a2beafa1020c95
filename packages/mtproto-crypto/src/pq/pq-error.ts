/** Typed failures of pq handling (https://core.telegram.org/mtproto/auth_key#proof-of-work). */
export type PqErrorCode = "PQ_OUT_OF_RANGE" | "PQ_NOT_FACTORIZABLE";

export class PqError extends Error {
  override readonly name = "PqError";
  readonly code: PqErrorCode;

  constructor(code: PqErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
