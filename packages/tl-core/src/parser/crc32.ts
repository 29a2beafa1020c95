// CRC-32 (IEEE 802.3, as zlib) — TL constructor ids are the CRC32 of the normalised combinator
// text (https://core.telegram.org/mtproto/TL-tl).

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

const encoder = new TextEncoder();

export function crc32Text(text: string): number {
  return crc32(encoder.encode(text));
}
