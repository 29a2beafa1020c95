// `long` values are bigint (docs/DECISIONS.md). DataView#getBigInt64 is not inlined by the optimising
// compiler of Node 20's V8, so on little-endian hosts (all that Node and browsers ship on in practice)
// the 8 bytes are copied into a scratch word and read through a BigInt64Array, which is.
// Wire format: 64-bit little-endian two's complement (https://core.telegram.org/mtproto/serialize).

const scratchBytes = new Uint8Array(8);
const scratchWord = new BigInt64Array(scratchBytes.buffer);

/** BigInt64Array uses the host byte order; the scratch trick is only right on little-endian hosts. */
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The signed 64-bit little-endian integer at `data[p..p+8)`; the caller checked the bounds. */
export function readInt64LittleEndianHost(data: Uint8Array, p: number): bigint {
  const s = scratchBytes;
  s[0] = data[p]!;
  s[1] = data[p + 1]!;
  s[2] = data[p + 2]!;
  s[3] = data[p + 3]!;
  s[4] = data[p + 4]!;
  s[5] = data[p + 5]!;
  s[6] = data[p + 6]!;
  s[7] = data[p + 7]!;
  return scratchWord[0]!;
}
