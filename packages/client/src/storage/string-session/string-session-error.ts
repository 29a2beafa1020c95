/** A string session that cannot be imported, with the reason as a code. */
export class StringSessionError extends Error {
  override readonly name = "StringSessionError";
  readonly code: "BAD_ENCODING" | "TOO_LONG" | "UNSUPPORTED_VERSION" | "TRUNCATED" | "BAD_FIELD" | "TRAILING_BYTES";

  constructor(code: StringSessionError["code"], message: string) {
    super(message);
    this.code = code;
  }
}
