import { TlWriter } from '@mtkit/tl-core';
import type { SessionCodec } from '../tl/codec.js';
import { GZIP_MIN_BODY, GZIP_PACKED_ID, gzipCompress } from './gzip.js';

/** Bodies from this size on are probed before being compressed whole. */
const PROBE_FROM = 16 * 1024;
const PROBE_BYTES = 4096;

/**
 * Wraps a body in gzip_packed when that saves at least 10%,
 * https://core.telegram.org/mtproto/service_messages#packed-object
 * A large body whose first 4 KiB do not shrink (a file part of media, already compressed) is sent
 * as is without compressing the rest: deflating 1 MiB of noise only to throw it away made the
 * server's file answers cost more than their encryption.
 */
export function maybeGzip(body: Uint8Array, codec: SessionCodec): Uint8Array {
  if (body.length < GZIP_MIN_BODY) return body;
  if (body.length >= PROBE_FROM && gzipCompress(body.subarray(0, PROBE_BYTES)).length > PROBE_BYTES * 0.9) return body;
  const packed = gzipCompress(body);
  // 4-byte id + up to 4-byte length header + up to 3 bytes of TL padding.
  if (packed.length + 11 > body.length * 0.9) return body;
  const writer = new TlWriter(codec.registry, packed.length + 12);
  writer.int(GZIP_PACKED_ID | 0);
  writer.bytes(packed);
  return writer.finish();
}
