import { Gunzip, gzipSync } from "fflate";
import { MessageRejectedError } from "../errors.js";
import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * gzip_packed#3072cfa1 packed_data:bytes = Object: https://core.telegram.org/mtproto/service_messages#packed-object
 * Incoming bodies are inflated with a running cap: the size the sender claims in the gzip trailer
 * is only compared at the end, never used to size a buffer (a 104-byte packet must not cost 16 MiB).
 */
export const GZIP_PACKED_ID = 0x3072cfa1;
/** Bodies smaller than this are never worth compressing. */
export const GZIP_MIN_BODY = 256;
/** Telegram packets are at most ~1 MiB; a larger inflated object cannot be legitimate. */
export const GZIP_MAX_INFLATED = 16 * 1024 * 1024;
/**
 * Input is fed in slices this small so one slice inflates to at most ~1 MiB (deflate's ratio is
 * bounded by ~1032:1) before the running total is checked against the cap.
 */
const INPUT_SLICE = 1024;

/** A synchronous gzip compressor, e.g. `(data) => zlib.gzipSync(data)` from node:zlib. */
export type GzipCompressor = (data: Uint8Array) => Uint8Array;

/** The portable (pure JavaScript) gzip; the session uses it only where no native one is given. */
export function gzipCompress(data: Uint8Array): Uint8Array {
  return gzipSync(data, { level: 6, mtime: 0 });
}

/** Inflates `data`, failing with GZIP_TOO_LARGE as soon as the output passes `maxBytes`. */
export function gzipInflateBounded(data: Uint8Array, maxBytes = GZIP_MAX_INFLATED): Uint8Array {
  if (data.length < 18) throw new MessageRejectedError("GZIP_INVALID", "gzip stream too short");
  const chunks: Uint8Array[] = [];
  // An object: the callback below changes it, which narrowing of plain locals cannot see.
  const progress = { total: 0, ended: false };
  const gunzip = new Gunzip((chunk, final) => {
    progress.total += chunk.length;
    if (progress.total > maxBytes)
      throw new MessageRejectedError("GZIP_TOO_LARGE", `gzip inflates past ${maxBytes} bytes`);
    if (chunk.length > 0) chunks.push(chunk);
    if (final) progress.ended = true;
  });
  try {
    for (let at = 0; at < data.length && !progress.ended; at += INPUT_SLICE) {
      const end = Math.min(at + INPUT_SLICE, data.length);
      gunzip.push(data.subarray(at, end), end === data.length);
    }
  } catch (cause) {
    if (cause instanceof MessageRejectedError) throw cause;
    throw new MessageRejectedError("GZIP_INVALID", `gzip stream invalid: ${String(cause)}`);
  }
  // ISIZE (last 4 bytes) is the inflated size mod 2^32: checked after the fact, as integrity only.
  const { total, ended } = progress;
  if (!ended || total >>> 0 !== readUint32LE(data, data.length - 4)) {
    throw new MessageRejectedError("GZIP_INVALID", "gzip stream truncated or its size does not match its trailer");
  }
  return joinChunks(chunks, total);
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
