import { gunzipSync, gzipSync } from 'fflate';
import { MessageRejectedError } from '../errors.js';
import { readUint32LE } from '@mtkit/mtproto-crypto/bytes';

/**
 * gzip_packed#3072cfa1 packed_data:bytes = Object: https://core.telegram.org/mtproto/service_messages#packed-object
 * Outgoing bodies are packed only when that saves at least 10%; incoming ones are inflated with a
 * hard size bound (a decompression bomb must give a typed error, not exhaust memory).
 */
export const GZIP_PACKED_ID = 0x3072cfa1;
/** Bodies smaller than this are never worth compressing. */
export const GZIP_MIN_BODY = 256;
/** Telegram packets are at most ~1 MiB; a larger inflated object cannot be legitimate. */
export const GZIP_MAX_INFLATED = 16 * 1024 * 1024;

export function gzipCompress(data: Uint8Array): Uint8Array {
  return gzipSync(data, { level: 6, mtime: 0 });
}

/** Inflates with an upper bound read from the gzip trailer and checked against the real output. */
export function gzipInflateBounded(data: Uint8Array, maxBytes = GZIP_MAX_INFLATED): Uint8Array {
  if (data.length < 18) throw new MessageRejectedError('GZIP_INVALID', 'gzip stream too short');
  // ISIZE (last 4 bytes) is the inflated size mod 2^32: reject before allocating anything large.
  const declared = readUint32LE(data, data.length - 4);
  if (declared > maxBytes) throw new MessageRejectedError('GZIP_TOO_LARGE', `gzip declares ${declared} bytes`);
  let out: Uint8Array;
  try {
    out = gunzipSync(data, { out: new Uint8Array(declared) });
  } catch (cause) {
    throw new MessageRejectedError('GZIP_INVALID', `gzip stream invalid: ${String(cause)}`);
  }
  if (out.length !== declared) throw new MessageRejectedError('GZIP_INVALID', 'gzip size does not match its trailer');
  return out;
}
