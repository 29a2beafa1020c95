/**
 * Shared pieces of the generated AES WebAssembly module (ige-wasm-code.ts, ctr-wasm-code.ts): the
 * memory layout, local slots and the T-table round code both functions use. The binary format
 * itself (opcodes, LEB128, sections): ../wasm/wasm-binary.ts.
 *
 * Memory layout (bytes): TE0-TE3 @0 (four 1 KiB tables, TEk = TE0 rotated right by 8k bits), TD0-TD3
 * @4096, SBOX @8192, INV_SBOX @8448, round keys @8704 (60 words), IGE iv @8960 (32 bytes), CTR counter
 * @8992 (four native i32 words), data @9216 (processed in place).
 */
import {
  ADD,
  AND,
  BLOCK,
  BR,
  BR_IF,
  END,
  EQZ,
  get,
  i32,
  LOAD,
  LOAD8,
  LOOP,
  LT_U,
  OR,
  set,
  SHL,
  SHR_U,
  uleb,
  VOID,
  XOR,
} from "../wasm/wasm-binary.js";
export const WASM_LAYOUT = {
  te: 0,
  td: 4096,
  sbox: 8192,
  invSbox: 8448,
  keys: 8704,
  iv: 8960,
  counter: 8992,
  data: 9216,
} as const;

// Locals shared by every function: 0 n, 1 rounds (params); then i, k, last, s0-3, t0-2. Each
// function adds its own locals from index 12 on.
export const N = 0,
  ROUNDS = 1,
  I = 2,
  K = 3,
  LAST = 4,
  S = 5,
  T = 9,
  FIRST_FREE_LOCAL = 12;

/** Byte `shift` of state word `local`, scaled to a table index in bytes (x4) when `scale`. */
export function byteOf(local: number, shift: number, scale: boolean): number[] {
  const out = get(local);
  if (shift > 0) out.push(...i32(shift), SHR_U);
  if (shift < 24) out.push(...i32(255), AND);
  if (scale) out.push(...i32(2), SHL);
  return out;
}

/** round key word (k + j) as a load at keys + k + 4j. */
export function roundKey(j: number): number[] {
  return [...get(K), LOAD, 2, ...uleb(WASM_LAYOUT.keys + 4 * j)];
}

/** Column j of the next state takes bytes from columns j, j+1, j+2, j+3 (encrypt) or j, j-1, j-2, j-3 (decrypt). */
export function stateColumn(j: number, step: number, decrypt: boolean): number {
  return S + ((j + (decrypt ? 4 - step : step)) % 4);
}

/**
 * table[byte] rotated right by `rot` bits, read from the pre-rotated table (no `rotr`), with the
 * byte taken already scaled to a word index: (s >>> (shift - 2)) & 0x3fc, two operations per lookup.
 */
function lookup(table: number, local: number, shift: number, rot: number): number[] {
  const scaled = shift >= 2 ? [...get(local), ...i32(shift - 2), SHR_U] : [...get(local), ...i32(2), SHL];
  return [...scaled, ...i32(0x3fc), AND, LOAD, 2, ...uleb(table + 1024 * (rot / 8))];
}

/**
 * Rounds 1 .. rounds-1 on the state locals (already XORed with round key 0); leaves k at the last
 * round key: for (k = 16; k < 16 * rounds; k += 16) one T-table round.
 */
export function fullRounds(decrypt: boolean): number[] {
  const table = decrypt ? WASM_LAYOUT.td : WASM_LAYOUT.te;
  const body: number[] = [...i32(16), ...set(K), BLOCK, VOID, LOOP, VOID, ...get(K), ...get(LAST), LT_U, EQZ, BR_IF, 1];
  for (let j = 0; j < 4; j++) {
    const col = (step: number): number => stateColumn(j, step, decrypt);
    // (l0 ^ l1) ^ ((l2 ^ l3) ^ key): a tree, so the four loads reach the result in three steps, not four.
    body.push(...lookup(table, col(0), 24, 0), ...lookup(table, col(1), 16, 8), XOR);
    body.push(...lookup(table, col(2), 8, 16), ...lookup(table, col(3), 0, 24), XOR, ...roundKey(j), XOR, XOR);
    body.push(...set(j < 3 ? T + j : S + 3));
  }
  for (let j = 0; j < 3; j++) body.push(...get(T + j), ...set(S + j));
  body.push(...get(K), ...i32(16), ADD, ...set(K), BR, 0, END, END);
  return body;
}

/** Output word j of the final round (S-box only, no MixColumns) XOR its round key, left on the stack. */
export function finalRoundWord(j: number, decrypt: boolean): number[] {
  const box = decrypt ? WASM_LAYOUT.invSbox : WASM_LAYOUT.sbox;
  const sub = (step: number, shift: number): number[] => [
    ...byteOf(stateColumn(j, step, decrypt), shift, false),
    LOAD8,
    0,
    ...uleb(box),
    ...(shift > 0 ? [...i32(shift), SHL] : []),
  ];
  return [...sub(0, 24), ...sub(1, 16), OR, ...sub(2, 8), OR, ...sub(3, 0), OR, ...roundKey(j), XOR];
}
