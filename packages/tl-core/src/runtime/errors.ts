/** Why a TL read or write failed. */
export type TlErrorCode =
  | "UNEXPECTED_END"
  | "UNKNOWN_CONSTRUCTOR"
  | "UNEXPECTED_CONSTRUCTOR"
  | "BAD_LENGTH"
  | "TOO_DEEP"
  | "UNTYPED_VECTOR"
  | "TRAILING_BYTES"
  | "UNKNOWN_NAME"
  | "BAD_VALUE";

/**
 * The only error a `TlReader` or `TlWriter` throws for bad input or a bad value.
 * `offset` is the byte position where reading or writing stopped; `expected` says what was wanted.
 */
export class TlError extends Error {
  override readonly name = "TlError";
  readonly code: TlErrorCode;
  readonly offset: number;
  readonly expected: string;

  constructor(code: TlErrorCode, offset: number, expected: string, detail?: string) {
    super(`${code} at offset ${offset}: expected ${expected}${detail === undefined ? "" : ` (${detail})`}`);
    this.code = code;
    this.offset = offset;
    this.expected = expected;
  }
}

/** Formats a constructor id the way the schema writes it, e.g. `0x1cb5c415`. */
export function hexId(id: number): string {
  return `0x${(id >>> 0).toString(16).padStart(8, "0")}`;
}
