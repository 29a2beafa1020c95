/**
 * The one instance of the generated AES WebAssembly module (ige-wasm-code.ts), shared by IGE
 * (ige-wasm.ts) and CTR (ctr-wasm.ts). JS is single-threaded and every call writes its own round
 * keys and iv/counter before running, so one instance serves every key and stream.
 */
import { INV_SBOX, SBOX, TD0, TE0 } from "./aes-tables.js";
import { buildAesWasm, WASM_LAYOUT } from "./ige-wasm-code.js";

export interface AesWasmExports {
  readonly memory: WebAssembly.Memory;
  readonly encrypt: (length: number, rounds: number) => void;
  readonly decrypt: (length: number, rounds: number) => void;
  readonly ctr: (length: number, rounds: number) => void;
}

const PAGE = 65536;

let instance: AesWasmExports | null | undefined;

/** The module, or undefined when WebAssembly is missing or forbidden (CSP): callers keep the JS code. */
export function loadAesWasm(): AesWasmExports | undefined {
  if (instance === undefined) {
    instance = null;
    try {
      // Synchronous compile is fine for a module this small (under browsers' 4 KiB main-thread limit, see test/ctr.test.ts).
      const module = new WebAssembly.Module(buildAesWasm());
      const exports = new WebAssembly.Instance(module, {}).exports as unknown as AesWasmExports;
      const memory = new Uint8Array(exports.memory.buffer);
      for (let k = 0; k < 4; k++) {
        // TEk / TDk: the tables rotated right by 8k bits, so the rounds need no rotate.
        const rotate = (w: number): number => (w >>> (8 * k)) | (w << (32 - 8 * k));
        new Int32Array(exports.memory.buffer, WASM_LAYOUT.te + 1024 * k, 256).set(TE0.map(rotate));
        new Int32Array(exports.memory.buffer, WASM_LAYOUT.td + 1024 * k, 256).set(TD0.map(rotate));
      }
      memory.set(SBOX, WASM_LAYOUT.sbox);
      memory.set(INV_SBOX, WASM_LAYOUT.invSbox);
      instance = exports;
    } catch {
      // No WebAssembly (or a CSP forbidding it): the JS implementation stays in use.
    }
  }
  return instance ?? undefined;
}

export function aesWasmAvailable(): boolean {
  return typeof WebAssembly === "object" && loadAesWasm() !== undefined;
}

/** Grows the memory so `length` data bytes fit, and returns the (possibly new) buffer. */
export function reserveData(wasm: AesWasmExports, length: number): ArrayBuffer {
  const needed = WASM_LAYOUT.data + length;
  const have = wasm.memory.buffer.byteLength;
  if (have < needed) wasm.memory.grow(Math.ceil((needed - have) / PAGE));
  return wasm.memory.buffer;
}

/** Views of the module's memory: made again only when growing the memory replaced the buffer. */
export interface AesWasmViews {
  readonly bytes: Uint8Array;
  /** The round-key area, room for AES-256's 60 words. */
  readonly keys: Int32Array;
}
let views: AesWasmViews | undefined;

export function aesWasmViews(buffer: ArrayBuffer): AesWasmViews {
  if (views?.bytes.buffer !== buffer)
    views = { bytes: new Uint8Array(buffer), keys: new Int32Array(buffer, WASM_LAYOUT.keys, 60) };
  return views;
}

/** Writes round keys at their fixed place in the module's memory. */
export function writeRoundKeys(buffer: ArrayBuffer, words: Int32Array): void {
  aesWasmViews(buffer).keys.set(words);
}
