import { RpcError } from "../api/rpc-error.js";

// The numbers of https://core.telegram.org/api/files.

/** Every part but the last is one size, a multiple of 1 KiB that divides 512 KiB. */
export const MAX_PART_SIZE = 512 * 1024;
/** Files above this go up with upload.saveBigFilePart. */
export const BIG_FILE_THRESHOLD = 10 * 1024 * 1024;
/** Part count limit (4000 parts x 512 KiB = 2000 MiB; premium accounts get 8000). */
export const MAX_PARTS = 4000;
/** upload.getFile: limit <= 1 MiB. */
export const MAX_GET_LIMIT = 1024 * 1024;
/** CDN hashes cover parts of this size (https://core.telegram.org/cdn). */
export const HASH_PART_SIZE = 128 * 1024;

/** Whether `size` may be the size of a non-last upload part. */
export function isValidPartSize(size: number): boolean {
  return size > 0 && size % 1024 === 0 && MAX_PART_SIZE % size === 0;
}

/**
 * Checks one saveFilePart / saveBigFilePart call before anything is stored. A streamed upload (size
 * unknown while it runs) sends file_total_parts = -1 in every part but the last
 * (https://core.telegram.org/api/files#streamed-uploads).
 */
export function checkPartCall(part: number, bytes: number, totalParts: number | undefined): void {
  if (part < 0 || part >= MAX_PARTS) throw new RpcError(400, "FILE_PART_INVALID");
  if (
    totalParts !== undefined &&
    totalParts !== -1 &&
    (totalParts <= 0 || totalParts > MAX_PARTS || part >= totalParts)
  ) {
    throw new RpcError(400, "FILE_PARTS_INVALID");
  }
  if (bytes === 0) throw new RpcError(400, "FILE_PART_EMPTY");
  if (bytes > MAX_PART_SIZE) throw new RpcError(400, "FILE_PART_TOO_BIG");
}

/**
 * upload.getFile / upload.getCdnFile ranges: offset and limit multiples of 4 KiB, 1 MiB divisible by
 * limit, and the range inside one 1 MiB block. `precise` relaxes this to multiples of 1 KiB, limit
 * at most 1 MiB (https://core.telegram.org/api/files#downloading-files).
 */
export function checkRange(offset: bigint, limit: number, precise: boolean): void {
  if (offset < 0n) throw new RpcError(400, "OFFSET_INVALID");
  if (limit <= 0 || limit > MAX_GET_LIMIT) throw new RpcError(400, "LIMIT_INVALID");
  const unit = precise ? 1024n : 4096n;
  if (offset % unit !== 0n) throw new RpcError(400, "OFFSET_INVALID");
  if (BigInt(limit) % unit !== 0n) throw new RpcError(400, "LIMIT_INVALID");
  if (precise) return;
  if (MAX_GET_LIMIT % limit !== 0) throw new RpcError(400, "LIMIT_INVALID");
  const block = BigInt(MAX_GET_LIMIT);
  if (offset / block !== (offset + BigInt(limit) - 1n) / block) throw new RpcError(400, "LIMIT_INVALID");
}
