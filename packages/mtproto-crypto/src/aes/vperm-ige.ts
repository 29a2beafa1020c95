/**
 * AES-IGE (https://core.telegram.org/mtproto/description) in the SIMD module (vperm-wasm-code.ts):
 * the fastest portable IGE where WebAssembly SIMD exists; vpermIgeAvailable() says whether it does.
 */
import { checkIgeArgs } from "./ige.js";
import { VPERM_LAYOUT } from "./vperm-wasm-code.js";
import { loadVpermWasm, reserveVpermData, vpermAvailable, vpermViews, writeVpermKeys } from "./vperm-wasm.js";

export const vpermIgeAvailable = vpermAvailable;

function run(data: Uint8Array, key: Uint8Array, iv: Uint8Array, decrypt: boolean): Uint8Array {
  checkIgeArgs(data, key, iv);
  const wasm = loadVpermWasm()!;
  const buffer = reserveVpermData(wasm, data.length);
  const rounds = writeVpermKeys(buffer, key, decrypt);
  const { memory } = vpermViews(buffer);
  memory.set(iv, VPERM_LAYOUT.iv);
  memory.set(data, VPERM_LAYOUT.data);
  (decrypt ? wasm.decrypt : wasm.encrypt)(data.length, rounds);
  return memory.slice(VPERM_LAYOUT.data, VPERM_LAYOUT.data + data.length);
}

export function aesIgeEncryptVperm(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return run(data, key, iv, false);
}

export function aesIgeDecryptVperm(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  return run(data, key, iv, true);
}
