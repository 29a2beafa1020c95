/**
 * The portable provider: @noble/hashes for hashing, a T-table AES for IGE and CTR (in generated
 * WebAssembly when the runtime allows it, else JS), BigInt for modPow and
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
import type { CryptoProvider } from "./provider.js";
import { modPowBigInt } from "./util/bigint.js";
import { fillRandomWeb } from "./util/web-random.js";

export interface PortableCryptoOptions {
  /** Run AES-IGE and AES-CTR in the generated WebAssembly module when available (default true). */
  readonly wasm?: boolean;
}

export function createPortableCrypto(options: PortableCryptoOptions = {}): CryptoProvider {
  const wasm = options.wasm !== false && wasmIgeAvailable();
  return {
    name: wasm ? "portable" : "portable (js)",
    sha1: (data) => sha1(data),
    sha256: (data) => sha256(data),
    sha512: (data) => sha512(data),
    md5: (data) => md5(data),
    hmacSha256: (key, data) => hmac(sha256, key, data),
    pbkdf2Sha512: (password, salt, iterations, length) => pbkdf2(sha512, password, salt, { c: iterations, dkLen: length }),
    aesIgeEncrypt: wasm ? aesIgeEncryptWasm : aesIgeEncryptJs,
    aesIgeDecrypt: wasm ? aesIgeDecryptWasm : aesIgeDecryptJs,
    createAesCtr: wasm ? (key, iv) => new WasmAesCtr(key, iv) : (key, iv) => new JsAesCtr(key, iv),
    modPow: modPowBigInt,
    randomFill: fillRandomWeb,
  };
}
