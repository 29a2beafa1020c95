/** Small byte-array helpers shared by the protocol functions. */

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

export function reversed(b: Uint8Array): Uint8Array {
  return b.slice().reverse();
}

export function readInt32LE(b: Uint8Array, offset: number): number {
  return b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24);
}

export function writeInt32LE(b: Uint8Array, offset: number, value: number): void {
  b[offset] = value;
  b[offset + 1] = value >>> 8;
  b[offset + 2] = value >>> 16;
  b[offset + 3] = value >>> 24;
}

/** TL `long`: signed 64-bit little-endian. */
export function readInt64LE(b: Uint8Array, offset: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(b[offset + i]!);
  return BigInt.asIntN(64, v);
}

export function int64ToBytesLE(value: bigint): Uint8Array {
  let v = BigInt.asUintN(64, value);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
