export type TextParseErrorCode =
  "UNCLOSED" | "UNEXPECTED_CLOSE" | "UNKNOWN_TAG" | "BAD_ATTRIBUTE" | "BAD_ESCAPE" | "BAD_LINK";

/** Markup that cannot be turned into entities; `position` is the index in the markup (UTF-16 units). */
export class TextParseError extends Error {
  override readonly name = "TextParseError";
  constructor(
    readonly code: TextParseErrorCode,
    readonly position: number,
    message: string,
  ) {
    super(`${message} (at ${String(position)})`);
  }
}
