import type { TransportCrypto } from "../codec/crypto.js";

/** Curve25519 field prime 2^255 - 19 (Montgomery form y^2 = x^3 + 486662 x^2 + x). */
const P = (1n << 255n) - 19n;
const A = 486662n;

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

/** y^2 for a Montgomery x coordinate. */
export function curveY2(x: bigint): bigint {
  return (((x * x) % P) * x + ((A * x) % P) * x + x) % P;
}

/** Euler's criterion: whether `a` has a square root mod P, i.e. x is on the curve. */
export function isQuadraticResidue(a: bigint): boolean {
  return modPow(a, (P - 1n) / 2n) === 1n;
}

/** x([2]Q) = (x^2 - 1)^2 / (4 y^2). */
function doubleX(x: bigint): bigint {
  const t = (x * x - 1n + P) % P;
  const numerator = (t * t) % P;
  const denominator = (4n * curveY2(x)) % P;
  return (numerator * modPow(denominator, P - 2n)) % P;
}

/**
 * A key_share that is a real X25519 public key: a random point on the curve, doubled three times
 * (clearing the cofactor), as TDLib does, so a probe that checks the key sees nothing odd.
 */
export function x25519PublicKey(crypto: TransportCrypto): Uint8Array {
  const bytes = new Uint8Array(32);
  for (;;) {
    crypto.randomFill(bytes);
    bytes[31] = bytes[31]! & 0x7f;
    let x = 0n;
    for (let i = 31; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]!);
    if (!isQuadraticResidue(curveY2(x))) continue;
    for (let i = 0; i < 3; i++) x = doubleX(x);
    for (let i = 0; i < 32; i++) {
      bytes[i] = Number(x & 0xffn);
      x >>= 8n;
    }
    return bytes;
  }
}
