/**
 * The portable provider: @noble/hashes for hashing, AES for IGE and CTR in generated WebAssembly
 * (the SIMD vector-permute AES where WebAssembly SIMD validates, else a scalar T-table module, else
 * the JS T-table loops), BigInt for modPow and
 * `globalThis.crypto.getRandomValues` for randomness. No `node:` import anywhere in this module's
 * graph, so it bundles for browsers, Deno, Bun and workers without polyfills.
 */
import { hmac } from "@noble/hashes/hmac.js";
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { pbkdf2 } from "@noble/hashes/pbkdf2.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { JsAesCtr } from "./aes/ctr.js";
import { WasmAesCtr } from "./aes/ctr-wasm.js";
import { aesIgeDecryptJs, aesIgeEncryptJs } from "./aes/ige.js";
import { aesIgeDecryptWasm, aesIgeEncryptWasm, wasmIgeAvailable } from "./aes/ige-wasm.js";
import { VpermAesCtr } from "./aes/vperm-ctr.js";
import { aesIgeDecryptVperm, aesIgeEncryptVperm, vpermIgeAvailable } from "./aes/vperm-ige.js";
import type { CryptoProvider } from "./provider.js";
import { modPowBigInt } from "./util/bigint.js";
import { fillRandomWeb } from "./util/web-random.js";

export interface PortableCryptoOptions {
  /** Run AES-IGE and AES-CTR in the generated WebAssembly module when available (default true). */
  readonly wasm?: boolean;
  /** Use the WebAssembly SIMD module when the runtime validates it (default true); false keeps the scalar module. */
  readonly simd?: boolean;
  /** IGE decryption in the SIMD module too (default false: the scalar module is as fast or faster there). */
  readonly simdDecrypt?: boolean;
}

export function createPortableCrypto(options: PortableCryptoOptions = {}): CryptoProvider {
  const wasm = options.wasm !== false && wasmIgeAvailable();
  const simd = wasm && options.simd !== false && vpermIgeAvailable();
  return {
    name: simd ? "portable" : wasm ? "portable (scalar wasm)" : "portable (js)",
    sha1: (data) => sha1(data),
    sha256: (data) => sha256(data),
    sha512: (data) => sha512(data),
    md5: (data) => md5(data),
    hmacSha256: (key, data) => hmac(sha256, key, data),
    pbkdf2Sha512: (password, salt, iterations, length) =>
      pbkdf2(sha512, password, salt, { c: iterations, dkLen: length }),
    aesIgeEncrypt: simd ? aesIgeEncryptVperm : wasm ? aesIgeEncryptWasm : aesIgeEncryptJs,
    // Decryption stays in the scalar module: as fast as the SIMD one from 64 KiB on and ~10 % faster at
    // 1 KiB (fewer key-schedule steps per call); both are bound by the latency of one block (docs/DECISIONS.md).
    aesIgeDecrypt:
      simd && options.simdDecrypt === true ? aesIgeDecryptVperm : wasm ? aesIgeDecryptWasm : aesIgeDecryptJs,
    createAesCtr: simd
      ? (key, iv) => new VpermAesCtr(key, iv)
      : wasm
        ? (key, iv) => new WasmAesCtr(key, iv)
        : (key, iv) => new JsAesCtr(key, iv),
    modPow: modPowBigInt,
    randomFill: fillRandomWeb,
  };
}
