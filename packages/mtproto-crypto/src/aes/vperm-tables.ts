/**
 * Nibble lookup tables for AES with 16-entry byte shuffles (WebAssembly `i8x16.swizzle`), after
 * the idea of M. Hamburg, "Accelerating AES with Vector Permute Instructions" (CHES 2009): the
 * S-box inversion is done in a tower field GF((2^4)^2), where every step is a lookup of one nibble.
 * Everything here is derived at load time from field arithmetic (no pasted constants) and
 * `test/aes-vperm.test.ts` checks every table against the FIPS-197 S-box.
 *
 * The tower: GF(16) = GF(2)[z]/(z^4 + z + 1); GF(256) = GF(16)[t]/(t^2 + t + A) with the normal
 * basis {t, t' = t + 1}, t·t' = A. An element is X = i·t + j·t' and is held in a byte as
 * (i << 4) | k with k = i ^ j. With N = X·X^16 = i·j + A·k^2 and B = 1/A:
 *   io = 1/(1/i + B/k) + j,   jo = 1/(1/j + B/k) + i,
 *   X^-1 = (1/io)·(A·t + (1 + A)·t') + (1/jo)·((1 + A)·t + A·t'),
 * so each half of the inverse depends on one nibble and its table can hold any GF(2)-linear map of
 * it (the AES affine part, a MixColumns factor, the change of basis for the next round). A zero is
 * carried as 0x80 ("infinity"): a swizzle index >= 16 gives 0, which is 1/infinity.
 */
const INFINITY = 0x80;

function gf16Mul(a: number, b: number): number {
  let product = 0;
  for (let bit = 0; bit < 4; bit++) {
    if ((b >> bit) & 1) product ^= a;
    a <<= 1;
    if (a & 0x10) a ^= 0x13;
  }
  return product;
}

function gf16Inv(a: number): number {
  for (let b = 1; b < 16; b++) if (gf16Mul(a, b) === 1) return b;
  return 0;
}

/** Tower elements as [i, j] (coefficients of t and t'), packed as (i << 4) | j. */
function towerMul(x: number, y: number, a: number): number {
  const i = x >> 4,
    j = x & 15,
    u = y >> 4,
    v = y & 15;
  const iu = gf16Mul(i, u),
    jv = gf16Mul(j, v),
    cross = gf16Mul(i, v) ^ gf16Mul(j, u);
  // t^2 = (1 + A)t + A t', t'^2 = A t + (1 + A)t', t t' = A t + A t'.
  const t = gf16Mul(iu, a ^ 1) ^ gf16Mul(jv, a) ^ gf16Mul(cross, a);
  const tp = gf16Mul(iu, a) ^ gf16Mul(jv, a ^ 1) ^ gf16Mul(cross, a);
  return (t << 4) | tp;
}

function gf16Trace(a: number): number {
  const a2 = gf16Mul(a, a),
    a4 = gf16Mul(a2, a2),
    a8 = gf16Mul(a4, a4);
  return a ^ a2 ^ a4 ^ a8;
}

/** AES field (x^8 + x^4 + x^3 + x + 1) multiplication. */
function aesMul(a: number, b: number): number {
  let product = 0;
  for (let bit = 0; bit < 8; bit++) {
    if ((b >> bit) & 1) product ^= a;
    a <<= 1;
    if (a & 0x100) a ^= 0x11b;
  }
  return product;
}

/** The linear part of the AES S-box's affine map (the constant 0x63 is added separately). */
function affine(x: number): number {
  let s = x;
  for (let r = 1; r < 5; r++) s ^= ((x << r) | (x >> (8 - r))) & 0xff;
  return s;
}

function build(): Record<string, Uint8Array> {
  let a = 1;
  while (gf16Trace(a) !== 1) a++;
  const one = 0x11; // 1 = t + t'
  // A root of the AES polynomial in the tower gives the change of basis AES byte -> tower element.
  let beta = 2;
  for (; beta < 256; beta++) {
    const p: number[] = [one];
    for (let n = 1; n <= 8; n++) p.push(towerMul(p[n - 1]!, beta, a));
    if ((p[8]! ^ p[4]! ^ p[3]! ^ p[1]! ^ p[0]!) === 0) break;
  }
  const powers: number[] = [one];
  for (let n = 1; n < 8; n++) powers.push(towerMul(powers[n - 1]!, beta, a));
  const toTower = (b: number): number => {
    let x = 0;
    for (let n = 0; n < 8; n++) if ((b >> n) & 1) x ^= powers[n]!;
    return x;
  };
  const fromTowerTable = new Uint8Array(256);
  for (let b = 0; b < 256; b++) fromTowerTable[toTower(b)] = b;
  /** Tower element (i, j) in the (i, k = i ^ j) byte form the rounds use. */
  const toState = (b: number): number => {
    const x = toTower(b);
    return (x & 0xf0) | ((x >> 4) ^ (x & 15));
  };
  const nibbleTable = (f: (n: number) => number): Uint8Array => Uint8Array.from({ length: 16 }, (_, n) => f(n));
  const b = gf16Inv(a);
  const tables: Record<string, Uint8Array> = {
    inv: nibbleTable((n) => (n === 0 ? INFINITY : gf16Inv(n))),
    bk: nibbleTable((n) => (n === 0 ? INFINITY : gf16Mul(b, gf16Inv(n)))),
  };
  // The two halves of X^-1 as tower elements: (1/io)·(A t + (1+A) t') and (1/jo)·((1+A) t + A t').
  const halfU = (n: number): number => (n === 0 ? 0 : (gf16Mul(gf16Inv(n), a) << 4) | gf16Mul(gf16Inv(n), a ^ 1));
  const halfT = (n: number): number => (n === 0 ? 0 : (gf16Mul(gf16Inv(n), a ^ 1) << 4) | gf16Mul(gf16Inv(n), a));
  /** A pair of output tables: out(X^-1) split into the io and jo halves, `out` GF(2)-linear on AES bytes. */
  const pair = (name: string, out: (inverse: number) => number): void => {
    tables[`${name}U`] = nibbleTable((n) => out(fromTowerTable[halfU(n)]!));
    tables[`${name}T`] = nibbleTable((n) => out(fromTowerTable[halfT(n)]!));
  };
  // Encryption keeps the state as toState(s); decryption as toState(L^-1 s), L = affine().
  const invAffine = new Uint8Array(256);
  for (let x = 0; x < 256; x++) invAffine[affine(x)] = x;
  const encState = (v: number): number => toState(v);
  const decState = (v: number): number => toState(invAffine[v]!);
  pair("enc1", (inv) => encState(affine(inv)));
  pair("enc2", (inv) => encState(aesMul(affine(inv), 2)));
  pair("encLast", (inv) => affine(inv));
  for (const m of [9, 11, 13, 14]) pair(`dec${m}`, (inv) => decState(aesMul(inv, m)));
  pair("decLast", (inv) => inv);
  // Input conversion from AES bytes, split by nibble: low nibble table and high nibble table.
  tables.encInLo = nibbleTable((n) => encState(n));
  tables.encInHi = nibbleTable((n) => encState(n << 4));
  tables.decInLo = nibbleTable((n) => decState(n));
  tables.decInHi = nibbleTable((n) => decState(n << 4));
  return tables;
}

export const VPERM_TABLES: Readonly<Record<string, Uint8Array>> = build();

/** Maps AES bytes to the encryption / decryption state form (round keys go through these). */
export function vpermState(byte: number, decrypt: boolean): number {
  const t = VPERM_TABLES;
  const lo = (decrypt ? t.decInLo : t.encInLo)!,
    hi = (decrypt ? t.decInHi : t.encInHi)!;
  return lo[byte & 15]! ^ hi[byte >> 4]!;
}
