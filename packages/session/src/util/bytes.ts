/** Small byte helpers for fixed-layout envelopes (TL objects themselves go through @mtkit/tl-core). */

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
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

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function readInt64LE(bytes: Uint8Array, offset: number): bigint {
  return view(bytes).getBigInt64(offset, true);
}

export function writeInt64LE(bytes: Uint8Array, offset: number, value: bigint): void {
  view(bytes).setBigInt64(offset, BigInt.asIntN(64, value), true);
}

// 32-bit accessors use plain byte arithmetic: constructor-id peeks run for every message, and a
// DataView per call showed up in profiles.
export function readInt32LE(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24);
}

export function readUint32LE(bytes: Uint8Array, offset: number): number {
  return readInt32LE(bytes, offset) >>> 0;
}

export function writeInt32LE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
  bytes[offset + 2] = (value >>> 16) & 0xff;
  bytes[offset + 3] = (value >>> 24) & 0xff;
}
