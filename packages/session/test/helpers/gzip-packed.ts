import { concatBytes } from "@mtkit/mtproto-crypto";

/**
 * gzip_packed#3072cfa1 packed_data:bytes around a gzip `stream`, with a long (4-byte) TL length
 * header and zero padding to 4 bytes. https://core.telegram.org/mtproto/service_messages#packed-object
 */
export function gzipPackedBytes(stream: Uint8Array): Uint8Array {
  const header = Uint8Array.of(
    0xa1,
    0xcf,
    0x72,
    0x30,
    254,
    stream.length & 0xff,
    (stream.length >> 8) & 0xff,
    stream.length >> 16,
  );
  return concatBytes(header, stream, new Uint8Array((4 - (stream.length % 4)) % 4));
}
