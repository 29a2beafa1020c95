/** What went wrong in a transfer that is not an rpc_error of the server. */
export type FileTransferErrorCode =
  /** The source has no bytes: Telegram stores no empty files. */
  | "EMPTY_FILE"
  /** More parts than the protocol allows (4000 x 512 KiB). */
  | "FILE_TOO_BIG"
  /** `partSize` is not a multiple of 1 KiB dividing 512 KiB. */
  | "BAD_PART_SIZE"
  /** The source is none of the accepted kinds, or produced something other than bytes. */
  | "BAD_SOURCE"
  /** The server answered a part with a length the request and the file size rule out. */
  | "BAD_PART_LENGTH"
  /** The server kept sending data past every plausible end of the file. */
  | "ENDLESS_FILE"
  /** A CDN part did not match its SHA-256 (https://core.telegram.org/cdn): nothing of it was used. */
  | "HASH_MISMATCH"
  /** The server sent hashes that cannot be right (negative offset, wrong length, none for a part). */
  | "BAD_HASHES"
  /** The server sent a CDN redirect or config that cannot be used. */
  | "BAD_REDIRECT"
  /** The caller asked for a negative offset or limit. */
  | "BAD_RANGE"
  /** FILE_REFERENCE_EXPIRED again after every fresh reference fetched from the message, or the message lost the file. */
  | "FILE_REFERENCE_EXPIRED";

/** A typed transfer error; `partOffset` is the file offset of the part concerned, when there is one. */
export class FileTransferError extends Error {
  override readonly name = "FileTransferError";

  constructor(
    readonly code: FileTransferErrorCode,
    message: string,
    readonly partOffset?: number,
  ) {
    super(`${code}: ${message}`);
  }
}
