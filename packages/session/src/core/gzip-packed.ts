import { TlWriter } from '@mtkit/tl-core';
import type { SessionCodec } from '../tl/codec.js';
import { GZIP_MIN_BODY, GZIP_PACKED_ID, gzipCompress } from './gzip.js';

/**
 * Wraps a body in gzip_packed when that saves at least 10%,
 * https://core.telegram.org/mtproto/service_messages#packed-object
 */
export function maybeGzip(body: Uint8Array, codec: SessionCodec): Uint8Array {
  if (body.length < GZIP_MIN_BODY) return body;
  const packed = gzipCompress(body);
  // 4-byte id + up to 4-byte length header + up to 3 bytes of TL padding.
  if (packed.length + 11 > body.length * 0.9) return body;
  const writer = new TlWriter(codec.registry, packed.length + 12);
  writer.int(GZIP_PACKED_ID | 0);
  writer.bytes(packed);
  return writer.finish();
}
