/** What is wrong with the options of `sendFile` / `sendFiles`, found before a byte is uploaded or sent. */
export type SendMediaErrorCode =
  /** A video, audio or image-size option that Telegram cannot take (negative, fractional pixels, both video and audio). */
  | "BAD_ATTRIBUTES"
  /** The thumbnail is over Telegram's 200 KB (https://core.telegram.org/constructor/inputMediaUploadedDocument). */
  | "BAD_THUMB"
  /** An album of no items or more than 10 (https://core.telegram.org/api/files#albums-grouped-media). */
  | "BAD_ALBUM";

/** A typed error for bad media options; `item` is the album index concerned, when there is one. */
export class SendMediaError extends Error {
  override readonly name = "SendMediaError";

  constructor(
    readonly code: SendMediaErrorCode,
    message: string,
    readonly item?: number,
  ) {
    super(`${code}: ${message}`);
  }
}
