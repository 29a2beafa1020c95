/**
 * The two loops of SQUFOF (squfof.ts) as a tiny WebAssembly module built at load time. Why: in a fresh
 * process the JS loops run ~20-30 ms per handshake before V8 has optimised them (the first pq of a
 * connection is the first time they run at all), while WebAssembly is compiled before its first call.
 * Every value in the loops is an integer below 2^38, exact in f64, so the wasm and JS loops agree
 * step for step. Binary format: https://webassembly.github.io/spec/core/binary/
 */
import {
  ADD as I32_ADD,
  AND as I32_AND,
  BLOCK,
  BR,
  BR_IF,
  END,
  EQZ as I32_EQZ,
  exportName,
  F64,
  functionCode,
  get,
  I32,
  i32,
  IF,
  LOOP,
  LT_S as I32_LT,
  RETURN,
  section,
  set,
  VOID,
  wasmModule,
} from "../wasm/wasm-binary.js";

export interface SqufofLoops {
  /** Phase 1 from P0 and Q1: [r, p] with r = sqrt of the first square Q at an even step, or r = -1. */
  readonly phase1: (p0: number, q: number, maxSteps: number) => [number, number];
  /** Phase 2 from the square root form: the Q before P repeats. */
  readonly phase2: (p0: number, p: number, q: number, qPrev: number, maxSteps: number) => number;
}

const ADD = 0xa0,
  SUB = 0xa1,
  MUL = 0xa2,
  DIV = 0xa3,
  FLOOR = 0x9c,
  SQRT = 0x9f,
  NEAREST = 0x9e,
  EQ = 0x61;
const f64 = (n: number): number[] => [0x44, ...new Uint8Array(Float64Array.of(n).buffer)];

/** b = floor((p0 + p) / q); p = b*q - p; qOld = q; q = qPrev + b*(pPrev - p), on locals by index. */
function step(p0: number, p: number, q: number, qPrev: number, pPrev: number, b: number, qOld: number): number[] {
  return [
    ...get(p0),
    ...get(p),
    ADD,
    ...get(q),
    DIV,
    FLOOR,
    ...set(b),
    ...get(b),
    ...get(q),
    MUL,
    ...get(p),
    SUB,
    ...set(p),
    ...get(q),
    ...set(qOld),
    ...get(qPrev),
    ...get(b),
    ...get(pPrev),
    ...get(p),
    SUB,
    MUL,
    ADD,
    ...set(q),
  ];
}

function phase1Code(): number[] {
  // params p0 0, q 1, maxSteps 2 (i32); locals p 3, pPrev 4, qPrev 5, b 6, qOld 7, s 8 (f64), i 9 (i32)
  const body = [
    ...get(0),
    ...set(3),
    ...get(0),
    ...set(4),
    ...f64(1),
    ...set(5),
    ...i32(2),
    ...set(9),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(9),
    ...get(2),
    I32_LT,
    I32_EQZ,
    BR_IF,
    1,
    ...step(0, 3, 1, 5, 4, 6, 7),
    ...get(9),
    ...i32(1),
    I32_AND,
    I32_EQZ,
    IF,
    VOID,
    ...get(1),
    SQRT,
    NEAREST,
    ...set(8),
    ...get(8),
    ...get(8),
    MUL,
    ...get(1),
    EQ,
    IF,
    VOID,
    ...get(8),
    ...get(3),
    RETURN,
    END,
    END,
    ...get(7),
    ...set(5),
    ...get(3),
    ...set(4),
    ...get(9),
    ...i32(1),
    I32_ADD,
    ...set(9),
    BR,
    0,
    END,
    END,
    ...f64(-1),
    ...get(3),
  ];
  return functionCode(
    [
      [6, F64],
      [1, I32],
    ],
    body,
  );
}

function phase2Code(): number[] {
  // params p0 0, p 1, q 2, qPrev 3, maxSteps 4 (i32); locals pPrev 5, b 6, qOld 7 (f64), i 8 (i32)
  const body = [
    ...i32(0),
    ...set(8),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(8),
    ...get(4),
    I32_LT,
    I32_EQZ,
    BR_IF,
    1,
    ...get(1),
    ...set(5),
    ...step(0, 1, 2, 3, 5, 6, 7),
    ...get(7),
    ...set(3),
    ...get(1),
    ...get(5),
    EQ,
    BR_IF,
    1,
    ...get(8),
    ...i32(1),
    I32_ADD,
    ...set(8),
    BR,
    0,
    END,
    END,
    ...get(3),
  ];
  return functionCode(
    [
      [3, F64],
      [1, I32],
    ],
    body,
  );
}

function buildSqufofWasm(): Uint8Array<ArrayBuffer> {
  const types = section(1, [2, 0x60, 3, F64, F64, I32, 2, F64, F64, 0x60, 5, F64, F64, F64, F64, I32, 1, F64]);
  const functions = section(3, [2, 0, 1]);
  const exports = section(7, [2, ...exportName("phase1"), 0, 0, ...exportName("phase2"), 0, 1]);
  const code = section(10, [2, ...phase1Code(), ...phase2Code()]);
  return wasmModule(types, functions, exports, code);
}

let loops: SqufofLoops | null | undefined;

/** The compiled loops, or undefined without WebAssembly (then squfof.ts runs its JS loops). */
export function squfofWasm(): SqufofLoops | undefined {
  if (loops === undefined) {
    loops = null;
    try {
      if (typeof WebAssembly === "object")
        loops = new WebAssembly.Instance(new WebAssembly.Module(buildSqufofWasm()), {})
          .exports as unknown as SqufofLoops;
    } catch {
      // WebAssembly forbidden (CSP): the JS loops stay in use.
    }
  }
  return loops ?? undefined;
}
