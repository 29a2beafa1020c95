import { VECTOR_ID } from "./ids.js";

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
 * `constructorId` is the id read, for `UNKNOWN_CONSTRUCTOR` / `UNEXPECTED_CONSTRUCTOR` from a boxed read.
 */
export class TlError extends Error {
  override readonly name = "TlError";
  readonly code: TlErrorCode;
  readonly offset: number;
  readonly expected: string;
  readonly constructorId: number | undefined;

  constructor(code: TlErrorCode, offset: number, expected: string, detail?: string, constructorId?: number) {
    super(`${code} at offset ${offset}: expected ${expected}${detail === undefined ? "" : ` (${detail})`}`);
    this.code = code;
    this.offset = offset;
    this.expected = expected;
    this.constructorId = constructorId;
  }
}

/** Formats a constructor id the way the schema writes it, e.g. `0x1cb5c415`. */
export function hexId(id: number): string {
  return `0x${(id >>> 0).toString(16).padStart(8, "0")}`;
}

/**
 * Why the constructor id read at `offset` cannot stand where the boxed type `typeName` is declared
 * (`undefined`: any boxed object); `expected` is then the type name, e.g. `MessageMedia`.
 * `known`: the registry has a reader for the id, so it belongs to another type.
 */
export function constructorError(offset: number, id: number, typeName: string | undefined, known: boolean): TlError {
  const expected = typeName ?? "a known constructor id";
  const got = `got ${hexId(id)}`;
  if (known)
    return new TlError("UNEXPECTED_CONSTRUCTOR", offset, expected, `${got}, a constructor of another type`, id);
  if (id === VECTOR_ID) {
    // A bare Vector has no element type on the wire (https://core.telegram.org/mtproto/serialize#vector).
    if (typeName === undefined)
      return new TlError("UNTYPED_VECTOR", offset, "a boxed object", "a bare Vector needs its element type", id);
    return new TlError("UNEXPECTED_CONSTRUCTOR", offset, expected, `${got} (Vector)`, id);
  }
  return new TlError("UNKNOWN_CONSTRUCTOR", offset, expected, got, id);
}
