/**
 * The AES rounds of the SIMD module (vperm-wasm-code.ts), as WebAssembly code emitted for one
 * block held in a set of v128 locals (`BlockLocals`); CTR runs three such sets side by side so
 * the processor overlaps independent blocks. Tables: vperm-tables.ts.
 *
 * The state is kept transposed: row r of the AES state in 32-bit lane r (byte 4r + c = column c),
 * so MixColumns' "row + k" is a lane rotation (`pshufd`, no constant) and ShiftRows one byte
 * shuffle, applied before the S-box (both commute with the bytewise S-box).
 */
import { ADD, BLOCK, BR, BR_IF, END, EQZ, get, i32, LOOP, LT_U, set, uleb, VOID } from "./wasm-emit.js";

export const VPERM_LAYOUT = { tables: 0, keys: 512, iv: 768, counter: 800, data: 1024 } as const;

export const VPERM_TABLE_ORDER = [
  "inv",
  "bk",
  "enc1U",
  "enc1T",
  "enc2U",
  "enc2T",
  "encLastU",
  "encLastT",
  "encInLo",
  "encInHi",
  "dec9U",
  "dec9T",
  "dec11U",
  "dec11T",
  "dec13U",
  "dec13T",
  "dec14U",
  "dec14T",
  "decLastU",
  "decLastT",
  "decInLo",
  "decInHi",
] as const;
type TableName = (typeof VPERM_TABLE_ORDER)[number];

export const simd = (op: number): number[] => [0xfd, ...uleb(op)];
export const LOAD_V = (offset: number): number[] => [...simd(0x00), 4, ...uleb(offset)];
export const STORE_V = (offset: number): number[] => [...simd(0x0b), 4, ...uleb(offset)];
export const XOR_V = simd(0x51);
const SWIZZLE = simd(0x0e),
  AND_V = simd(0x4e),
  SHR_U16 = simd(0x8d);
const shuffle = (lanes: readonly number[]): number[] => [...simd(0x0d), ...lanes];
export const xor = (a: number[], b: number[]): number[] => [...a, ...b, ...XOR_V];
export const shuffled = (local: number, lane: readonly number[]): number[] => [
  ...get(local),
  ...get(local),
  ...shuffle(lane),
];

/** i32 locals shared by every function: 0 n, 1 rounds (params), 2 i, 3 k (round key offset), 4 last; i64 5, 6. */
export const N = 0,
  ROUNDS = 1,
  I = 2,
  K = 3,
  LAST = 4,
  HI64 = 5,
  LO64 = 6;
/** v128 locals: one per table, then the nibble mask, then the block locals. */
export const TABLE0 = 7;
const tableLocal = (name: TableName): number => TABLE0 + VPERM_TABLE_ORDER.indexOf(name);
export const MASK = TABLE0 + VPERM_TABLE_ORDER.length;
const swizzle = (table: TableName, index: number[]): number[] => [...get(tableLocal(table)), ...index, ...SWIZZLE];

export interface BlockLocals {
  readonly x: number;
  readonly hi: number;
  readonly lo: number;
  readonly j: number;
  readonly ak: number;
  readonly io: number;
  readonly jo: number;
  readonly a: number;
  readonly d: number;
}
export const BLOCK_LOCAL_COUNT = 9;
export function blockLocals(first: number): BlockLocals {
  const [x, hi, lo, j, ak, io, jo, a, d] = Array.from({ length: BLOCK_LOCAL_COUNT }, (_, n) => first + n) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { x, hi, lo, j, ak, io, jo, a, d };
}

const fromLanes = (source: (p: number) => number): number[] => Array.from({ length: 16 }, (_, p) => source(p));
const TRANSPOSE = fromLanes((p) => 4 * (p % 4) + (p >> 2));
const SHIFT_ROWS = fromLanes((p) => 4 * (p >> 2) + (((p % 4) + (p >> 2)) % 4));
const INV_SHIFT_ROWS = fromLanes((p) => 4 * (p >> 2) + (((p % 4) - (p >> 2) + 4) % 4));
const rowsUp = (k: number): number[] => fromLanes((p) => 4 * (((p >> 2) + k) % 4) + (p % 4));
const roundKey = (): number[] => [...get(K), ...LOAD_V(VPERM_LAYOUT.keys)];

/** The tower-field inversion of x: io and jo, the two nibbles every output table reads. */
function inversion(r: BlockLocals): number[] {
  return [
    ...get(r.x),
    ...i32(4),
    ...SHR_U16,
    ...get(MASK),
    ...AND_V,
    ...set(r.hi),
    ...get(r.x),
    ...get(MASK),
    ...AND_V,
    ...set(r.lo),
    ...xor(get(r.hi), get(r.lo)),
    ...set(r.j),
    ...swizzle("bk", get(r.lo)),
    ...set(r.ak),
    ...xor(swizzle("inv", xor(swizzle("inv", get(r.hi)), get(r.ak))), get(r.j)),
    ...set(r.io),
    ...xor(swizzle("inv", xor(swizzle("inv", get(r.j)), get(r.ak))), get(r.hi)),
    ...set(r.jo),
  ];
}

const output = (r: BlockLocals, u: TableName, t: TableName): number[] =>
  xor(swizzle(u, get(r.io)), swizzle(t, get(r.jo)));

function mixColumns(r: BlockLocals, decrypt: boolean): number[] {
  if (!decrypt) {
    // 2a[r] + 3a[r+1] + a[r+2] + a[r+3] = D[r] + (D + A)[r+1] + A[r+2] + A[r+3], with D = 2A.
    return [
      ...output(r, "enc1U", "enc1T"),
      ...set(r.a),
      ...output(r, "enc2U", "enc2T"),
      ...set(r.d),
      ...xor(get(r.d), [...xor(get(r.d), get(r.a)), ...set(r.hi), ...shuffled(r.hi, rowsUp(1))]),
      ...xor(xor(shuffled(r.a, rowsUp(2)), shuffled(r.a, rowsUp(3))), roundKey()),
      ...XOR_V,
      ...set(r.x),
    ];
  }
  // InvMixColumns: 14a[r] + 11a[r+1] + 13a[r+2] + 9a[r+3].
  const term = (m: 9 | 11 | 13 | 14, k: number): number[] => [
    ...output(r, `dec${m}U`, `dec${m}T`),
    ...(k === 0 ? [] : [...set(r.a), ...shuffled(r.a, rowsUp(k))]),
  ];
  return [...xor(term(14, 0), term(11, 1)), ...xor(term(13, 2), xor(term(9, 3), roundKey())), ...XOR_V, ...set(r.x)];
}

const shiftRows = (r: BlockLocals, decrypt: boolean): number[] => [
  ...shuffled(r.x, decrypt ? INV_SHIFT_ROWS : SHIFT_ROWS),
  ...set(r.x),
];

/**
 * Encrypts or decrypts the AES blocks in the `source` local of each set, side by side, with the
 * round keys in memory; leaves the results on the stack in the order of `blocks`.
 */
export function aesBlocks(
  blocks: readonly BlockLocals[],
  source: (r: BlockLocals) => number,
  decrypt: boolean,
): number[] {
  const [lo, hi, lastU, lastT] = decrypt
    ? (["decInLo", "decInHi", "decLastU", "decLastT"] as const)
    : (["encInLo", "encInHi", "encLastU", "encLastT"] as const);
  const each = (f: (r: BlockLocals) => number[]): number[] => blocks.flatMap(f);
  return [
    ...i32(0),
    ...set(K),
    ...each((r) => [
      ...shuffled(source(r), TRANSPOSE),
      ...set(r.x),
      ...xor(
        swizzle(lo, [...get(r.x), ...get(MASK), ...AND_V]),
        swizzle(hi, [...get(r.x), ...i32(4), ...SHR_U16, ...get(MASK), ...AND_V]),
      ),
      ...roundKey(),
      ...XOR_V,
      ...set(r.x),
    ]),
    // for (k = 16; k < last; k += 16) middle round
    ...i32(16),
    ...set(K),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(K),
    ...get(LAST),
    LT_U,
    EQZ,
    BR_IF,
    1,
    ...each((r) => [...shiftRows(r, decrypt), ...inversion(r), ...mixColumns(r, decrypt)]),
    ...get(K),
    ...i32(16),
    ADD,
    ...set(K),
    BR,
    0,
    END,
    END,
    ...each((r) => [
      ...shiftRows(r, decrypt),
      ...inversion(r),
      ...output(r, lastU, lastT),
      ...roundKey(),
      ...XOR_V,
      ...set(r.a),
      ...shuffled(r.a, TRANSPOSE),
    ]),
  ];
}
