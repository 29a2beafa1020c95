/**
 * AES-IGE through the generated WebAssembly module (ige-wasm-code.ts): the same algorithm as the
 * JS loops in ige.ts, ~2x faster in V8 because wasm gets fixed-size integer code without the
 * typed-array checks. Used by the portable provider (and by the Node provider when the AES-NI
 * addon is missing) whenever `WebAssembly` is available; otherwise callers keep the JS loops.
 */
import { expandDecryptionKey, expandEncryptionKey } from "./aes-key.js";
import { INV_SBOX, SBOX, TD0, TE0 } from "./aes-tables.js";
import { buildIgeWasm, WASM_LAYOUT } from "./ige-wasm-code.js";
import { checkIgeArgs } from "./ige.js";

interface IgeExports {
  readonly memory: WebAssembly.Memory;
  readonly encrypt: (length: number, rounds: number) => void;
  readonly decrypt: (length: number, rounds: number) => void;
}

const PAGE = 65536;

let instance: IgeExports | null | undefined;

function load(): IgeExports | undefined {
  if (instance === undefined) {
    instance = null;
    try {
      // Synchronous compile is fine for a module this small (well under browsers' 4 KiB main-thread limit).
      const module = new WebAssembly.Module(buildIgeWasm());
      const exports = new WebAssembly.Instance(module, {}).exports as unknown as IgeExports;
      const memory = new Uint8Array(exports.memory.buffer);
      new Int32Array(exports.memory.buffer, WASM_LAYOUT.te, 256).set(TE0);
      new Int32Array(exports.memory.buffer, WASM_LAYOUT.td, 256).set(TD0);
      memory.set(SBOX, WASM_LAYOUT.sbox);
      memory.set(INV_SBOX, WASM_LAYOUT.invSbox);
      instance = exports;
    } catch {
      // No WebAssembly (or a CSP forbidding it): the JS implementation stays in use.
    }
  }
  return instance ?? undefined;
}

export function wasmIgeAvailable(): boolean {
  return typeof WebAssembly === "object" && load() !== undefined;
}

function run(data: Uint8Array, key: Uint8Array, iv: Uint8Array, decrypt: boolean): Uint8Array {
  checkIgeArgs(data, key, iv);
  const wasm = load()!;
  const needed = WASM_LAYOUT.data + data.length;
  if (wasm.memory.buffer.byteLength < needed) wasm.memory.grow(Math.ceil((needed - wasm.memory.buffer.byteLength) / PAGE));
  const schedule = decrypt ? expandDecryptionKey(key) : expandEncryptionKey(key);
  const buffer = wasm.memory.buffer;
  new Int32Array(buffer, WASM_LAYOUT.keys, schedule.words.length).set(schedule.words);
  const memory = new Uint8Array(buffer);
  memory.set(iv, WASM_LAYOUT.iv);
  memory.set(data, WASM_LAYOUT.data);
  (decrypt ? wasm.decrypt : wasm.encrypt)(data.length, schedule.rounds);
  return memory.slice(WASM_LAYOUT.data, WASM_LAYOUT.data + data.length);
}

export function aesIgeEncryptWasm(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return run(data, key, iv, false);
}

export function aesIgeDecryptWasm(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return run(data, key, iv, true);
}
