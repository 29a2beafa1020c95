import { TlWriter } from "@mtkit/tl-core";
import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { SessionCodec } from "../tl/codec.js";
import { GZIP_MIN_BODY, GZIP_PACKED_ID, gzipCompress, type GzipCompressor } from "./gzip.js";

/** Bodies from this size on are probed before being compressed whole. */
const PROBE_FROM = 16 * 1024;
const PROBE_BYTES = 4096;

/**
 * Bodies that are mostly one byte blob (file parts, file chunks): already compressed or random, so
 * gzip only burns CPU (512 KiB upload parts cost 30 % of upload time in a profile).
 */
const BLOB_METHODS = new Set(["upload.saveFilePart", "upload.saveBigFilePart"]);
const BLOB_CONSTRUCTORS = new Set([
  0xb304a621 /* upload.saveFilePart */, 0xde7b673d /* upload.saveBigFilePart */, 0x096a18d5 /* upload.file */,
  0xa99fca4f /* upload.cdnFile */, 0x21e753bc /* upload.webFile */,
]);

/**
 * Wraps a body in gzip_packed when that pays: not for small bodies, never for byte blobs, and the
 * result is kept only when it saves at least 10 %. `gzip`: the compressor to use (the platform's
 * native one where the caller has it, e.g. node:zlib), `false` to never compress, undefined for the
 * portable JavaScript one.
 * https://core.telegram.org/mtproto/service_messages#packed-object
 * A large body whose first 4 KiB do not shrink (a file part of media, already compressed) is sent
 * as is without compressing the rest: deflating 1 MiB of noise only to throw it away made the
 * server's file answers cost more than their encryption.
 */
export function maybeGzip(
  body: Uint8Array,
  codec: SessionCodec,
  gzip?: GzipCompressor | false,
  method?: string,
): Uint8Array {
  if (gzip === false || body.length < GZIP_MIN_BODY) return body;
  if ((method !== undefined && BLOB_METHODS.has(method)) || BLOB_CONSTRUCTORS.has(readUint32LE(body, 0))) return body;
  const compress = gzip ?? gzipCompress;
  if (body.length >= PROBE_FROM && compress(body.subarray(0, PROBE_BYTES)).length > PROBE_BYTES * 0.9) return body;
  const packed = compress(body);
  // 4-byte id + up to 4-byte length header + up to 3 bytes of TL padding.
  if (packed.length + 11 > body.length * 0.9) return body;
  const writer = new TlWriter(codec.registry, packed.length + 12);
  writer.int(GZIP_PACKED_ID | 0);
  writer.bytes(packed);
  return writer.finish();
}
