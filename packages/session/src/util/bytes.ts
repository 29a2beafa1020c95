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

export function readInt32LE(bytes: Uint8Array, offset: number): number {
  return view(bytes).getInt32(offset, true);
}

export function readUint32LE(bytes: Uint8Array, offset: number): number {
  return view(bytes).getUint32(offset, true);
}

export function writeInt32LE(bytes: Uint8Array, offset: number, value: number): void {
  view(bytes).setInt32(offset, value | 0, true);
}
