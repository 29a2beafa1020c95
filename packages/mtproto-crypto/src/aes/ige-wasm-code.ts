/**
 * Builds, byte by byte, a tiny WebAssembly module with the AES loops MTProto needs: IGE
 * encrypt/decrypt (the same T-table algorithm as ige.ts, FIPS-197 with one table plus `i32.rotr`)
 * and the CTR keystream of obfuscation (ctr-wasm-code.ts). No toolchain is needed and no binary blob
 * is shipped: the bytes are generated from readable code at load time. Layout: wasm-emit.ts.
 * Exports: memory, encrypt(n, rounds), decrypt(n, rounds), ctr(n, rounds).
 */
import { ctrFunctionCode } from "./ctr-wasm-code.js";
import {
  ADD,
  BLOCK,
  I32,
  BR,
  BR_IF,
  END,
  EQZ,
  exportName,
  functionCode,
  get,
  i32,
  LOAD8,
  LOOP,
  LT_U,
  MUL,
  OR,
  section,
  set,
  SHL,
  SHR_U,
  STORE8,
  uleb,
  VOID,
  wasmModule,
  XOR,
} from "../wasm/wasm-binary.js";
import {
  finalRoundWord,
  FIRST_FREE_LOCAL,
  fullRounds,
  I,
  K,
  LAST,
  N,
  roundKey,
  ROUNDS,
  S,
  WASM_LAYOUT,
} from "./wasm-emit.js";

export { WASM_LAYOUT } from "./wasm-emit.js";

// IGE locals after the shared ones: c0-3 (previous ciphertext), m0-3 (previous plaintext), x0-3 (input).
const C = FIRST_FREE_LOCAL,
  M = C + 4,
  X = M + 4;
const LOCAL_COUNT = X + 4;

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

function igeFunctionCode(decrypt: boolean): number[] {
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
  body.push(...fullRounds(decrypt));
  // The final round XOR the chain value gives the output word, which is also the next input-chain
  // value; the state is not modified here, so each column can be finished in turn.
  for (let j = 0; j < 4; j++) {
    body.push(...finalRoundWord(j, decrypt), ...get(outChain + j), XOR, ...set(inChain + j));
    body.push(...storeWordBE(4 * j, inChain + j));
  }
  for (let j = 0; j < 4; j++) body.push(...get(X + j), ...set(outChain + j));
  body.push(...get(I), ...i32(16), ADD, ...set(I), BR, 0, END, END);
  return functionCode([[LOCAL_COUNT - 2, I32]], body);
}

export function buildAesWasm(): Uint8Array<ArrayBuffer> {
  const type = section(1, [1, 0x60, 2, 0x7f, 0x7f, 0]);
  const functions = section(3, [3, 0, 0, 0]);
  const memory = section(5, [1, 0, 1]); // one memory, min 1 page, no maximum
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
  const code = section(10, [3, ...igeFunctionCode(false), ...igeFunctionCode(true), ...ctrFunctionCode()]);
  return wasmModule(type, functions, memory, exports, code);
}
