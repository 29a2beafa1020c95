/**
 * AES-IGE through the generated WebAssembly module (ige-wasm-code.ts): the same algorithm as the
 * JS loops in ige.ts, ~2x faster in V8 because wasm gets fixed-size integer code without the
 * typed-array checks. Used by the portable provider (and by the Node provider when the AES-NI
 * addon is missing) whenever `WebAssembly` is available; otherwise callers keep the JS loops.
 */
import { expandDecryptionKey, expandEncryptionKey } from "./aes-key.js";
import { aesWasmAvailable, aesWasmViews, loadAesWasm, reserveData } from "./aes-wasm.js";
import { WASM_LAYOUT } from "./ige-wasm-code.js";
import { checkIgeArgs } from "./ige.js";

export function wasmIgeAvailable(): boolean {
  return aesWasmAvailable();
}

function run(data: Uint8Array, key: Uint8Array, iv: Uint8Array, decrypt: boolean): Uint8Array {
  checkIgeArgs(data, key, iv);
  const wasm = loadAesWasm()!;
  const schedule = decrypt ? expandDecryptionKey(key) : expandEncryptionKey(key);
  const { bytes: memory, keys } = aesWasmViews(reserveData(wasm, data.length));
  keys.set(schedule.words);
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
