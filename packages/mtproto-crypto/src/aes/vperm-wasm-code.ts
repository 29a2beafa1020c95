/**
 * Builds, byte by byte, the WebAssembly SIMD module of the vector-permute AES (vperm-tables.ts,
 * rounds in vperm-wasm-rounds.ts): one AES block per 128-bit vector, SubBytes as ten
 * `i8x16.swizzle` nibble lookups, ShiftRows and MixColumns as shuffles. IGE chains block after
 * block (each block's input needs the previous output: https://core.telegram.org/mtproto/description),
 * so its speed is the latency of one block; CTR runs CTR_LANES blocks side by side.
 * Exports: memory, encrypt(n, rounds), decrypt(n, rounds), ctr(n, rounds).
 * Binary format: https://webassembly.github.io/spec/core/binary/
 *
 * Memory: tables @0 (16 bytes each, VPERM_TABLE_ORDER), round keys @512 (one vector per round, in
 * the order they are used, already in the state form), IGE iv @768, CTR counter @800 (i64 high,
 * i64 low), data @1024 (processed in place).
 */
import {
  aesBlocks,
  BLOCK_LOCAL_COUNT,
  blockLocals,
  HI64,
  I,
  LAST,
  LO64,
  LOAD_V,
  MASK,
  N,
  ROUNDS,
  shuffled,
  simd,
  STORE_V,
  TABLE0,
  VPERM_LAYOUT,
  VPERM_TABLE_ORDER,
  xor,
  XOR_V,
} from "./vperm-wasm-rounds.js";
import {
  ADD,
  BLOCK,
  BR,
  BR_IF,
  END,
  exportName,
  get,
  i32,
  IF,
  LOOP,
  MUL,
  section,
  set,
  uleb,
  VOID,
} from "./wasm-emit.js";

export { VPERM_LAYOUT, VPERM_TABLE_ORDER } from "./vperm-wasm-rounds.js";

const V128 = 0x7b,
  I32 = 0x7f,
  I64 = 0x7e;
/**
 * CTR's blocks side by side: the vperm round is throughput-bound, so more independent blocks only help while
 * the module stays under the 4 KiB browsers compile synchronously: 3 measured +7-13 % over 2 (4 does not fit).
 */
const CTR_LANES = 3;
const CTR_BLOCKS = Array.from({ length: CTR_LANES }, (_, n) => blockLocals(MASK + 1 + n * BLOCK_LOCAL_COUNT));
const FIRST = CTR_BLOCKS[0]!;
const IN_CHAIN = MASK + 1 + CTR_LANES * BLOCK_LOCAL_COUNT,
  OUT_CHAIN = IN_CHAIN + 1,
  INPUT = IN_CHAIN + 2;
const V128_LOCALS = INPUT + 1 - TABLE0;

function prologue(): number[] {
  const out: number[] = [];
  VPERM_TABLE_ORDER.forEach((_, n) => out.push(...i32(0), ...LOAD_V(VPERM_LAYOUT.tables + 16 * n), ...set(TABLE0 + n)));
  out.push(...i32(0x0f), ...simd(0x0f), ...set(MASK)); // i8x16.splat
  out.push(...get(ROUNDS), ...i32(16), MUL, ...set(LAST), ...i32(0), ...set(I));
  return out;
}

/** while (i + step <= n) { body; i += step } */
const dataLoop = (step: number, body: number[]): number[] => [
  BLOCK,
  VOID,
  LOOP,
  VOID,
  ...get(I),
  ...i32(step),
  ADD,
  ...get(N),
  0x4b /* i32.gt_u */,
  BR_IF,
  1,
  ...body,
  ...get(I),
  ...i32(step),
  ADD,
  ...set(I),
  BR,
  0,
  END,
  END,
];

function igeCode(decrypt: boolean): number[] {
  // Encryption: input ^ previous ciphertext, output ^ previous plaintext; decryption the other way.
  const [firstIv, secondIv] = decrypt ? [OUT_CHAIN, IN_CHAIN] : [IN_CHAIN, OUT_CHAIN];
  return [
    ...prologue(),
    ...i32(0),
    ...LOAD_V(VPERM_LAYOUT.iv),
    ...set(firstIv),
    ...i32(0),
    ...LOAD_V(VPERM_LAYOUT.iv + 16),
    ...set(secondIv),
    ...dataLoop(16, [
      ...get(I),
      ...LOAD_V(VPERM_LAYOUT.data),
      ...set(INPUT),
      ...xor(get(INPUT), get(IN_CHAIN)),
      ...set(FIRST.d),
      ...aesBlocks([FIRST], (r) => r.d, decrypt),
      ...get(OUT_CHAIN),
      ...XOR_V,
      ...set(IN_CHAIN),
      ...get(I),
      ...get(IN_CHAIN),
      ...STORE_V(VPERM_LAYOUT.data),
      ...get(INPUT),
      ...set(OUT_CHAIN),
    ]),
  ];
}

/** Big-endian 128-bit counter from the i64 halves: (hi, lo) as lanes, then each half byte-reversed. */
const BSWAP_HALVES = [7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8];

function ctrCode(): number[] {
  const local64 = (op: number, l: number): number[] => [op, l];
  const loadCounter = [
    ...i32(0),
    0x29,
    3,
    ...uleb(VPERM_LAYOUT.counter),
    ...local64(0x21, HI64),
    ...i32(0),
    0x29,
    3,
    ...uleb(VPERM_LAYOUT.counter + 8),
    ...local64(0x21, LO64),
  ];
  const storeCounter = [
    ...i32(0),
    ...local64(0x20, HI64),
    0x37,
    3,
    ...uleb(VPERM_LAYOUT.counter),
    ...i32(0),
    ...local64(0x20, LO64),
    0x37,
    3,
    ...uleb(VPERM_LAYOUT.counter + 8),
  ];
  /** The counter as a big-endian vector into `target`, then lo += 1, carrying into hi (i64.add, i64.eqz). */
  const nextCounter = (target: number): number[] => [
    ...local64(0x20, HI64),
    ...simd(0x12),
    ...local64(0x20, LO64),
    ...simd(0x1e),
    1,
    ...set(target),
    ...shuffled(target, BSWAP_HALVES),
    ...set(target),
    ...local64(0x20, LO64),
    0x42,
    1,
    0x7c,
    ...local64(0x22, LO64),
    0x50,
    IF,
    VOID,
    ...local64(0x20, HI64),
    0x42,
    1,
    0x7c,
    ...local64(0x21, HI64),
    END,
  ];
  const xorInto = (offset: number): number[] => [...get(I), ...get(I), ...LOAD_V(VPERM_LAYOUT.data + offset)];
  return [
    ...prologue(),
    ...loadCounter,
    // Independent blocks per step: their rounds overlap in the processor.
    ...dataLoop(16 * CTR_LANES, [
      ...CTR_BLOCKS.flatMap((b) => nextCounter(b.d)),
      ...aesBlocks(CTR_BLOCKS, (r) => r.d, false),
      ...[...CTR_BLOCKS].reverse().flatMap((b) => set(b.a)),
      ...CTR_BLOCKS.flatMap((b, n) => [
        ...xorInto(16 * n),
        ...get(b.a),
        ...XOR_V,
        ...STORE_V(VPERM_LAYOUT.data + 16 * n),
      ]),
    ]),
    ...dataLoop(16, [
      ...nextCounter(FIRST.d),
      ...xorInto(0),
      ...aesBlocks([FIRST], (r) => r.d, false),
      ...XOR_V,
      ...STORE_V(VPERM_LAYOUT.data),
    ]),
    ...storeCounter,
  ];
}

function functionCode(body: number[]): number[] {
  const fn = [3, 3, I32, 2, I64, ...uleb(V128_LOCALS), V128, ...body, END];
  return [...uleb(fn.length), ...fn];
}

export function buildVpermWasm(): Uint8Array<ArrayBuffer> {
  const type = section(1, [1, 0x60, 2, I32, I32, 0]);
  const functions = section(3, [3, 0, 0, 0]);
  const memory = section(5, [1, 0, 1]);
  const exports = section(7, [
    4,
    ...exportName("memory"),
    2,
    0,
    ...exportName("encrypt"),
    0,
    0,
    ...exportName("decrypt"),
    0,
    1,
    ...exportName("ctr"),
    0,
    2,
  ]);
  const code = section(10, [
    3,
    ...functionCode(igeCode(false)),
    ...functionCode(igeCode(true)),
    ...functionCode(ctrCode()),
  ]);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...functions, ...memory, ...exports, ...code]);
}
