/**
 * Byte helpers for fixed binary layouts, shared by every mtkit package through the
 * `@mtkit/mtproto-crypto/bytes` subpath (no `node:` imports: browsers use it too).
 * Little-endian throughout, as MTProto is. TL objects themselves go through @mtkit/tl-core.
 */

/** Concatenates the parts into one new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  return concatAll(parts);
}

/** `concatBytes` for a list the caller already holds (no spread on hot paths). */
export function concatAll(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new RangeError(`xor of ${a.length} and ${b.length} bytes`);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** Compares without an early exit, so a mismatch position does not leak through timing. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** A reversed copy. */
export function reversed(b: Uint8Array): Uint8Array {
  return b.slice().reverse();
}

// 32-bit accessors use plain byte arithmetic: constructor-id peeks run for every message, and a
// DataView per call showed up in profiles.
export function readInt32LE(b: Uint8Array, offset: number): number {
  return b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24);
}

export function readUint32LE(b: Uint8Array, offset: number): number {
  return readInt32LE(b, offset) >>> 0;
}

/** Writes the low 32 bits of `value` (signed or unsigned). */
export function writeInt32LE(b: Uint8Array, offset: number, value: number): void {
  b[offset] = value & 0xff;
  b[offset + 1] = (value >>> 8) & 0xff;
  b[offset + 2] = (value >>> 16) & 0xff;
  b[offset + 3] = (value >>> 24) & 0xff;
}

export const writeUint32LE = writeInt32LE;

// 64-bit fields go through one 8-byte scratch word instead of a DataView per call: msg_ids, salts
// and session ids are read and written several times per message, and a DataView allocation each
// time showed up in profiles. BigInt64Array uses the host's byte order, so big-endian hosts keep
// the DataView path.
const scratchBytes = new Uint8Array(8);
const scratchWord = new BigInt64Array(scratchBytes.buffer);
const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function checkInt64Range(b: Uint8Array, offset: number): void {
  if (!(offset >= 0 && offset + 8 <= b.length))
    throw new RangeError(`offset ${offset} is outside the ${b.length}-byte buffer`);
}

/** TL `long`: signed 64-bit little-endian. */
export function readInt64LE(b: Uint8Array, offset: number): bigint {
  checkInt64Range(b, offset);
  if (!hostIsLittleEndian) return new DataView(b.buffer, b.byteOffset, b.byteLength).getBigInt64(offset, true);
  for (let i = 0; i < 8; i++) scratchBytes[i] = b[offset + i]!;
  return scratchWord[0]!;
}

export function writeInt64LE(b: Uint8Array, offset: number, value: bigint): void {
  checkInt64Range(b, offset);
  if (!hostIsLittleEndian) {
    new DataView(b.buffer, b.byteOffset, b.byteLength).setBigInt64(offset, BigInt.asIntN(64, value), true);
    return;
  }
  // Assigning to a BigInt64Array wraps modulo 2^64, like BigInt.asIntN(64, value).
  scratchWord[0] = value;
  for (let i = 0; i < 8; i++) b[offset + i] = scratchBytes[i]!;
}

export function int64ToBytesLE(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  writeInt64LE(out, 0, value);
  return out;
}
