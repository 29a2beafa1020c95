/**
 * AES S-boxes and 32-bit round tables ("T-tables"), computed once at module load from GF(2^8)
 * arithmetic instead of being pasted in: the source stays auditable and the bundle small.
 * FIPS-197: https://csrc.nist.gov/pubs/fips/197/final
 */

/** Multiplies by x in GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1. */
function xtime(b: number): number {
  return ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
}

function gfMul(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) product ^= a;
    a = xtime(a);
    b >>= 1;
  }
  return product;
}

export const SBOX = new Uint8Array(256);
export const INV_SBOX = new Uint8Array(256);
/**
 * Encryption table: TE0[x] = MixColumn(SubByte(x)) as a word; the other three classic tables are
 * its rotations by 8, 16 and 24 bits, computed on the fly (see words.ts).
 */
export const TE0 = new Int32Array(256);
/** Decryption table: TD0[x] = InvMixColumn(InvSubByte(x)); rotations give the other three. */
export const TD0 = new Int32Array(256);

function buildTables(): void {
  // Walk the multiplicative group with generator 3 to get inverses without a division routine.
  const exp = new Uint8Array(256);
  const log = new Uint8Array(256);
  let v = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = v;
    log[v] = i;
    v ^= xtime(v);
  }
  for (let x = 0; x < 256; x++) {
    const inv = x === 0 ? 0 : exp[(255 - log[x]!) % 255]!;
    let s = inv;
    let rotated = inv;
    for (let i = 0; i < 4; i++) {
      rotated = ((rotated << 1) | (rotated >> 7)) & 0xff;
      s ^= rotated;
    }
    s ^= 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = x;
  }
  for (let x = 0; x < 256; x++) {
    const s = SBOX[x]!;
    TE0[x] = (gfMul(s, 2) << 24) | (s << 16) | (s << 8) | gfMul(s, 3);
    const i = INV_SBOX[x]!;
    TD0[x] = (gfMul(i, 14) << 24) | (gfMul(i, 9) << 16) | (gfMul(i, 13) << 8) | gfMul(i, 11);
  }
}

buildTables();
