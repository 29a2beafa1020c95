/**
 * The `ctr(n, rounds)` function of the generated AES module: XORs n bytes (a multiple of 16) at
 * `data` with the AES-CTR keystream, in place. The counter lives in memory as four native i32
 * words holding the big-endian 128-bit counter (word 0 most significant), is read once, incremented
 * per block like OpenSSL's (one 128-bit integer) and written back, so successive calls continue
 * the stream (obfuscation: https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 */
import {
  ADD,
  AND,
  BLOCK,
  I32,
  BR,
  BR_IF,
  END,
  EQZ,
  functionCode,
  get,
  i32,
  IF,
  LOAD,
  LOOP,
  LT_U,
  MUL,
  OR,
  ROTL,
  ROTR,
  set,
  STORE,
  uleb,
  VOID,
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
  T,
  WASM_LAYOUT,
} from "./wasm-emit.js";

// CTR locals after the shared ones: c0-3, the counter words.
const C = FIRST_FREE_LOCAL;
const LOCAL_COUNT = C + 4;

/**
 * data[i + offset .. +4] ^= local `word` taken as big-endian bytes: one little-endian i32 load and
 * store with the word byte-swapped ((rotr 8 & 0xff00ff00) | (rotl 8 & 0x00ff00ff)), fewer memory
 * operations than four byte loads and stores.
 */
function xorWordIntoData(offset: number, word: number): number[] {
  const address = uleb(WASM_LAYOUT.data + offset);
  const swapped = [
    ...get(word),
    ...i32(8),
    ROTR,
    ...i32(0xff00ff00 | 0),
    AND,
    ...get(word),
    ...i32(8),
    ROTL,
    ...i32(0x00ff00ff),
    AND,
    OR,
  ];
  return [...get(I), ...get(I), LOAD, 0, ...address, ...swapped, XOR, STORE, 0, ...address];
}

/** c3 += 1, carrying into c2, c1, c0 when a word wraps to zero. */
function incrementCounter(): number[] {
  const out: number[] = [];
  for (let j = 3; j >= 0; j--) {
    out.push(...get(C + j), ...i32(1), ADD, ...set(C + j));
    if (j > 0) out.push(...get(C + j), EQZ, IF, VOID);
  }
  for (let j = 0; j < 3; j++) out.push(END);
  return out;
}

export function ctrFunctionCode(): number[] {
  const body: number[] = [];
  for (let j = 0; j < 4; j++) body.push(...i32(0), LOAD, 2, ...uleb(WASM_LAYOUT.counter + 4 * j), ...set(C + j));
  body.push(...get(ROUNDS), ...i32(16), MUL, ...set(LAST), ...i32(0), ...set(I));
  // for (i = 0; i < n; i += 16)
  body.push(BLOCK, VOID, LOOP, VOID, ...get(I), ...get(N), LT_U, EQZ, BR_IF, 1);
  body.push(...i32(0), ...set(K));
  for (let j = 0; j < 4; j++) body.push(...get(C + j), ...roundKey(j), XOR, ...set(S + j));
  body.push(...fullRounds(false));
  // The final round does not modify the state, so each keystream word can go through t0 in turn.
  for (let j = 0; j < 4; j++) body.push(...finalRoundWord(j, false), ...set(T), ...xorWordIntoData(4 * j, T));
  body.push(...incrementCounter());
  body.push(...get(I), ...i32(16), ADD, ...set(I), BR, 0, END, END);
  for (let j = 0; j < 4; j++) body.push(...i32(0), ...get(C + j), STORE, 2, ...uleb(WASM_LAYOUT.counter + 4 * j));
  return functionCode([[LOCAL_COUNT - 2, I32]], body);
}
