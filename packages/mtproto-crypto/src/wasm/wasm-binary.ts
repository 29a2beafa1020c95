/**
 * The pieces of the WebAssembly binary format that the generated modules (AES in aes/, SQUFOF in
 * pq/) are written with: value types, opcodes, LEB128 numbers, sections and the module header.
 * Binary format: https://webassembly.github.io/spec/core/binary/
 */

// Value types (https://webassembly.github.io/spec/core/binary/types.html).
export const I32 = 0x7f,
  I64 = 0x7e,
  F64 = 0x7c,
  V128 = 0x7b;

// Control and variable instructions.
export const BLOCK = 0x02,
  LOOP = 0x03,
  IF = 0x04,
  BR = 0x0c,
  BR_IF = 0x0d,
  RETURN = 0x0f,
  END = 0x0b,
  VOID = 0x40,
  GET = 0x20,
  SET = 0x21;

// i32 memory and numeric instructions.
export const CONST = 0x41,
  LOAD = 0x28,
  LOAD8 = 0x2d,
  STORE = 0x36,
  STORE8 = 0x3a,
  EQZ = 0x45,
  LT_S = 0x48,
  LT_U = 0x49;
export const ADD = 0x6a,
  MUL = 0x6c,
  AND = 0x71,
  OR = 0x72,
  XOR = 0x73,
  SHL = 0x74,
  SHR_U = 0x76,
  ROTL = 0x77,
  ROTR = 0x78;

export function uleb(n: number): number[] {
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

export const i32 = (n: number): number[] => [CONST, ...sleb(n)];
export const get = (local: number): number[] => [GET, local];
export const set = (local: number): number[] => [SET, local];

/**
 * A function entry of the code section: its locals after the parameters as runs of
 * [count, value type], then the body (the final `end` is added here).
 */
export function functionCode(locals: readonly (readonly [number, number])[], body: readonly number[]): number[] {
  const fn = [...uleb(locals.length), ...locals.flatMap(([count, type]) => [...uleb(count), type]), ...body, END];
  return [...uleb(fn.length), ...fn];
}

export function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

export function exportName(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

/** The module: magic `\0asm`, version 1, then the sections in order. */
export function wasmModule(...sections: readonly number[][]): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections.flat()]);
}
