/** A syntax or consistency error in a `.tl` file, with the 1-based line it was found on. */
export class TlParseError extends Error {
  override readonly name = "TlParseError";
  readonly code: "SYNTAX" | "BAD_FLAG" | "BAD_ID" | "DUPLICATE";
  readonly line: number;

  constructor(code: TlParseError["code"], line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.code = code;
    this.line = line;
  }
}
