/**
 * Builds, byte by byte, a tiny WebAssembly module with AES-IGE encrypt/decrypt loops (the same
 * T-table algorithm as ige.ts, FIPS-197 with one table plus `i32.rotr`). No toolchain is needed
 * and no binary blob is shipped: the bytes below are generated from readable code at load time.
 * WebAssembly binary format: https://webassembly.github.io/spec/core/binary/
 *
 * Memory layout (bytes): TE0 @0, TD0 @1024, SBOX @2048, INV_SBOX @2304, round keys @2560 (60 words),
 * iv @2816 (32 bytes), data @4096 (processed in place). Exports: memory, encrypt(n, rounds),
 * decrypt(n, rounds).
 */
export const WASM_LAYOUT = { te: 0, td: 1024, sbox: 2048, invSbox: 2304, keys: 2560, iv: 2816, data: 4096 } as const;

// Opcodes used below.
const GET = 0x20, SET = 0x21, CONST = 0x41, LOAD = 0x28, LOAD8 = 0x2d, STORE8 = 0x3a;
const ADD = 0x6a, MUL = 0x6c, AND = 0x71, OR = 0x72, XOR = 0x73, SHL = 0x74, SHR_U = 0x76, ROTR = 0x78, LT_U = 0x49;
const BLOCK = 0x02, LOOP = 0x03, BR_IF = 0x0d, BR = 0x0c, END = 0x0b, EQZ = 0x45, VOID = 0x40;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

// Locals: 0 n, 1 rounds (params); then i, k, last, s0-3, t0-2, c0-3, m0-3, x0-3.
const N = 0, ROUNDS = 1, I = 2, K = 3, LAST = 4, S = 5, T = 9, C = 12, M = 16, X = 20;
const LOCAL_COUNT = 24;

const i32 = (n: number): number[] => [CONST, ...sleb(n)];
const get = (l: number): number[] => [GET, l];
const set = (l: number): number[] => [SET, l];

/** Big-endian word at data + i + offset, from four byte loads (wasm loads are little-endian). */
function loadWordBE(offset: number): number[] {
  const at = (b: number): number[] => [...get(I), LOAD8, 0, ...uleb(WASM_LAYOUT.data + offset + b)];
  return [...at(0), ...i32(24), SHL, ...at(1), ...i32(16), SHL, OR, ...at(2), ...i32(8), SHL, OR, ...at(3), OR];
}

function storeWordBE(offset: number, local: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < 4; b++) {
    out.push(...get(I), ...get(local));
    if (b < 3) out.push(...i32(24 - 8 * b), SHR_U);
    out.push(STORE8, 0, ...uleb(WASM_LAYOUT.data + offset + b));
  }
  return out;
}

/** Byte `shift` of state word `local`, scaled to a table index in bytes (x4) when `scale`. */
function byteOf(local: number, shift: number, scale: boolean): number[] {
  const out = get(local);
  if (shift > 0) out.push(...i32(shift), SHR_U);
  if (shift < 24) out.push(...i32(255), AND);
  if (scale) out.push(...i32(2), SHL);
  return out;
}

/** table[byte] rotated right by `rot` bits. */
function lookup(table: number, local: number, shift: number, rot: number): number[] {
  const out = [...byteOf(local, shift, true), LOAD, 2, ...uleb(table)];
  if (rot > 0) out.push(...i32(rot), ROTR);
  return out;
}

/** round key word (k + j) as a load at keys + k + 4j. */
function roundKey(j: number): number[] {
  return [...get(K), LOAD, 2, ...uleb(WASM_LAYOUT.keys + 4 * j)];
}

function functionBody(decrypt: boolean): number[] {
  const table = decrypt ? WASM_LAYOUT.td : WASM_LAYOUT.te;
  const box = decrypt ? WASM_LAYOUT.invSbox : WASM_LAYOUT.sbox;
  // Column j of the next state takes bytes from columns j, j+1, j+2, j+3 (encrypt) or j, j-1, j-2, j-3 (decrypt).
  const col = (j: number, step: number): number => S + ((j + (decrypt ? 4 - step : step)) % 4);
  // IGE chaining: encrypt XORs the input with the previous ciphertext (C) and the output with the
  // previous plaintext (M); decrypt the other way round.
  const inChain = decrypt ? M : C;
  const outChain = decrypt ? C : M;
  const body: number[] = [];
  // Load the iv: c = iv[0..16], m = iv[16..32], as big-endian words.
  for (let j = 0; j < 8; j++) {
    const at = (b: number): number[] => [...i32(0), LOAD8, 0, ...uleb(WASM_LAYOUT.iv + 4 * j + b)];
    body.push(...at(0), ...i32(24), SHL, ...at(1), ...i32(16), SHL, OR, ...at(2), ...i32(8), SHL, OR, ...at(3), OR);
    body.push(...set(j < 4 ? C + j : M + j - 4));
  }
  body.push(...get(ROUNDS), ...i32(16), MUL, ...set(LAST), ...i32(0), ...set(I));
  // for (i = 0; i < n; i += 16)
  body.push(BLOCK, VOID, LOOP, VOID, ...get(I), ...get(N), LT_U, EQZ, BR_IF, 1);
  for (let j = 0; j < 4; j++) body.push(...loadWordBE(4 * j), ...set(X + j));
  body.push(...i32(0), ...set(K));
  for (let j = 0; j < 4; j++) body.push(...get(X + j), ...get(inChain + j), XOR, ...roundKey(j), XOR, ...set(S + j));
  // for (k = 16; k < 16 * rounds; k += 16): one full round
  body.push(...i32(16), ...set(K), BLOCK, VOID, LOOP, VOID, ...get(K), ...get(LAST), LT_U, EQZ, BR_IF, 1);
  for (let j = 0; j < 4; j++) {
    body.push(...lookup(table, col(j, 0), 24, 0), ...lookup(table, col(j, 1), 16, 8), XOR);
    body.push(...lookup(table, col(j, 2), 8, 16), XOR, ...lookup(table, col(j, 3), 0, 24), XOR);
    body.push(...roundKey(j), XOR, ...set(j < 3 ? T + j : S + 3));
  }
  for (let j = 0; j < 3; j++) body.push(...get(T + j), ...set(S + j));
  body.push(...get(K), ...i32(16), ADD, ...set(K), BR, 0, END, END);
  // Final round (S-box only) XOR the chain value gives the output word, which is also the next
  // input-chain value; the state is not modified here, so each column can be finished in turn.
  for (let j = 0; j < 4; j++) {
    const sub = (step: number, shift: number): number[] => [
      ...byteOf(col(j, step), shift, false),
      LOAD8,
      0,
      ...uleb(box),
      ...(shift > 0 ? [...i32(shift), SHL] : []),
    ];
    body.push(...sub(0, 24), ...sub(1, 16), OR, ...sub(2, 8), OR, ...sub(3, 0), OR);
    body.push(...roundKey(j), XOR, ...get(outChain + j), XOR, ...set(inChain + j));
    body.push(...storeWordBE(4 * j, inChain + j));
  }
  for (let j = 0; j < 4; j++) body.push(...get(X + j), ...set(outChain + j));
  body.push(...get(I), ...i32(16), ADD, ...set(I), BR, 0, END, END, END);
  const locals = [1, ...uleb(LOCAL_COUNT - 2), 0x7f];
  const fn = [...locals, ...body];
  return [...uleb(fn.length), ...fn];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

export function buildIgeWasm(): Uint8Array<ArrayBuffer> {
  const type = section(1, [1, 0x60, 2, 0x7f, 0x7f, 0]);
  const functions = section(3, [2, 0, 0]);
  const memory = section(5, [1, 0, 1]); // one memory, min 1 page, no maximum
  const exports = section(7, [3, ...name("memory"), 2, 0, ...name("encrypt"), 0, 0, ...name("decrypt"), 0, 1]);
  const code = section(10, [2, ...functionBody(false), ...functionBody(true)]);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...functions, ...memory, ...exports, ...code]);
}
