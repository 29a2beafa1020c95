import { Gunzip, gzipSync, Inflate } from "fflate";
import { MessageRejectedError } from "../errors.js";
import { concatAll, readUint32LE } from "@mtkit/mtproto-crypto/bytes";

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

/**
 * An RFC 1950 zlib header (deflate, window <= 32 KiB, header check a multiple of 31, no preset
 * dictionary). mtcute packs its requests with zlib's deflateSync rather than gzip, and Telegram reads
 * them, so the server does too; a gzip stream starts 1f 8b and can never pass this check. Its body is
 * raw deflate between the 2-byte header and the 4-byte Adler-32 trailer.
 */
function isZlib(data: Uint8Array): boolean {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** Inflates `data` (gzip, or zlib-wrapped deflate), failing with GZIP_TOO_LARGE as soon as the output passes `maxBytes`. */
export function gzipInflateBounded(data: Uint8Array, maxBytes = GZIP_MAX_INFLATED): Uint8Array {
  const zlib = data.length >= 6 && isZlib(data);
  if (data.length < 18 && !zlib) throw new MessageRejectedError("GZIP_INVALID", "gzip stream too short");
  const chunks: Uint8Array[] = [];
  // An object: the callback below changes it, which narrowing of plain locals cannot see.
  const progress = { total: 0, ended: false };
  const onChunk = (chunk: Uint8Array, final: boolean): void => {
    progress.total += chunk.length;
    if (progress.total > maxBytes)
      throw new MessageRejectedError("GZIP_TOO_LARGE", `gzip inflates past ${maxBytes} bytes`);
    if (chunk.length > 0) chunks.push(chunk);
    if (final) progress.ended = true;
  };
  const inflater = zlib ? new Inflate(onChunk) : new Gunzip(onChunk);
  // A zlib body is raw deflate between its header and its Adler-32 trailer.
  const body = zlib ? data.subarray(2, data.length - 4) : data;
  try {
    for (let at = 0; at < body.length && !progress.ended; at += INPUT_SLICE) {
      const end = Math.min(at + INPUT_SLICE, body.length);
      inflater.push(body.subarray(at, end), end === body.length);
    }
  } catch (cause) {
    if (cause instanceof MessageRejectedError) throw cause;
    throw new MessageRejectedError("GZIP_INVALID", `gzip stream invalid: ${String(cause)}`);
  }
  // ISIZE (last 4 bytes) is the inflated size mod 2^32: checked after the fact, as integrity only.
  const { total, ended } = progress;
  if (!ended || (!zlib && total >>> 0 !== readUint32LE(data, data.length - 4))) {
    throw new MessageRejectedError("GZIP_INVALID", "gzip stream truncated or its size does not match its trailer");
  }
  return chunks.length === 1 ? chunks[0]! : concatAll(chunks);
}
