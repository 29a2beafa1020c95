// The numbers of https://core.telegram.org/api/files, as the client uses them.

export const KIB = 1024;
/** Largest part: every upload part but the last is one size, a multiple of 1 KiB dividing 512 KiB. */
export const MAX_UPLOAD_PART = 512 * KIB;
/** Files above this go up with upload.saveBigFilePart. */
export const BIG_FILE_THRESHOLD = 10 * 1024 * KIB;
/** Part count limit of an upload (premium accounts: 8000). */
export const MAX_UPLOAD_PARTS = 4000;
/**
 * Default upload bytes in flight: 2 parts of 512 KiB. On the loopback bench (2 cores) 2 parts went as
 * fast as 4 or faster, and peaked at ~39 MiB of RSS over idle for 128 MiB against 65-83 MiB for 4:
 * every part in flight is several transient copies (request, envelope, padding, ciphertext) that the
 * garbage collector frees late. Links with a long round trip want more (`workers`).
 */
export const UPLOAD_BYTES_IN_FLIGHT = 1024 * KIB;
/** Most default upload workers (small parts). */
export const MAX_DEFAULT_UPLOAD_WORKERS = 8;

/** upload.getFile: limit <= 1 MiB, dividing 1 MiB, inside one 1 MiB block. */
export const MAX_DOWNLOAD_PART = 1024 * KIB;
/** No Telegram file is larger (8000 parts of 512 KiB): past this a server that keeps sending is broken. */
export const MAX_FILE_SIZE = 8000 * MAX_UPLOAD_PART;
/** CDN hashes cover parts of this size (https://core.telegram.org/cdn). */
export const CDN_HASH_PART = 128 * KIB;

export function isValidUploadPartSize(size: number): boolean {
  return Number.isInteger(size) && size > 0 && size % KIB === 0 && MAX_UPLOAD_PART % size === 0;
}

/** Download parts must be multiples of 4 KiB dividing 1 MiB (so every request stays in one 1 MiB block). */
export function isValidDownloadPartSize(size: number): boolean {
  return Number.isInteger(size) && size > 0 && size % (4 * KIB) === 0 && MAX_DOWNLOAD_PART % size === 0;
}
