/**
 * Big-endian bytes <-> bigint conversions and modular arithmetic used by RSA, DH and SRP.
 * MTProto sends these numbers as big-endian byte strings (https://core.telegram.org/mtproto/auth_key).
 */

export function bigIntFromBytes(bytes: Uint8Array): bigint {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex === "" ? 0n : BigInt(`0x${hex}`);
}

/** Fixed-length big-endian encoding: keeps leading zeros (a 2048-bit DH value is always 256 bytes). */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError("negative bigint cannot be encoded as unsigned bytes");
  const hex = value.toString(16);
  if (hex.length > length * 2) throw new RangeError(`bigint needs more than ${length} bytes`);
  const out = new Uint8Array(length);
  const padded = hex.padStart(length * 2, "0");
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Shortest big-endian encoding (at least one byte), e.g. p and q in p_q_inner_data. */
export function bigIntToMinimalBytes(value: bigint): Uint8Array {
  return bigIntToBytes(value, Math.max(1, Math.ceil(value.toString(16).length / 2)));
}

export function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** Non-negative remainder. */
export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** base^exp mod m by left-to-right square-and-multiply with a 4-bit fixed window. */
export function modPowBigInt(base: bigint, exp: bigint, m: bigint): bigint {
  if (m <= 0n) throw new RangeError("modulus must be positive");
  if (exp < 0n) throw new RangeError("negative exponent");
  if (m === 1n) return 0n;
  const b = mod(base, m);
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % m);
  const hex = exp.toString(16);
  let result = 1n;
  for (const digit of hex) {
    result = (result * result) % m;
    result = (result * result) % m;
    result = (result * result) % m;
    result = (result * result) % m;
    const d = Number.parseInt(digit, 16);
    if (d !== 0) result = (result * table[d]!) % m;
  }
  return result;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Modular inverse by the extended Euclidean algorithm; throws when gcd(a, m) != 1. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError("value is not invertible");
  return mod(oldS, m);
}
