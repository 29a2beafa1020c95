/**
 * The Node provider: node:crypto (OpenSSL, AES-NI) wherever it beats JS. Hashes, HMAC, PBKDF2,
 * CTR and modPow are native. AES-256-IGE and AES-256-CTR run in the optional AES-NI addon when it is
 * built (native-aes.ts, native-ctr.ts), CTR otherwise in one node:crypto cipher per stream; otherwise encryption goes through one aes-256-cbc pass (node-ige.ts) and
 * decryption through the scalar WebAssembly T-table AES (else JS), because OpenSSL has no IGE
 * and IGE decryption cannot be batched into one native call.
 */
import { createCipheriv, createHmac, hash as oneShotHash, pbkdf2Sync } from "node:crypto";
import { aesIgeDecryptJs, checkIgeArgs } from "../aes/ige.js";
import { aesIgeDecryptWasm, wasmIgeAvailable } from "../aes/ige-wasm.js";
import type { AesCtr, CryptoProvider } from "../provider.js";
import { JS_SHA256_MAX_LENGTH, sha256Js } from "../hash/sha256-js.js";
import { aesIgeEncryptNode } from "./node-ige.js";
import { modPowNode } from "./node-modpow.js";
import { loadNativeAes, type NativeAes } from "./native-aes.js";
import { NativeAesCtr } from "./native-ctr.js";
import { createRandomFill } from "./random-pool.js";

export interface NodeCryptoOptions {
  /** Use the AES-NI addon when it is available (default true). */
  readonly native?: boolean;
}

function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/**
 * `crypto.hash` (Node >= 20.12, and engines asks 20.19): one native call without a Hash object. The
 * inputs here are small (each message takes three SHA-256: its msg_key and its AES key and iv), where
 * createHash().update().digest() cost about 1.6x as much, per message sent and received.
 */
function hash(algorithm: string): (data: Uint8Array) => Uint8Array {
  return (data) => view(oneShotHash(algorithm, data, "buffer"));
}

/**
 * SHA-256 of short inputs in JS (hash/sha256-js.ts), longer ones native. The per-message KDF hashes
 * 52 bytes twice per message: a fresh array that small lives on V8's heap, and handing it to a native
 * call first moves it into a new off-heap buffer, then the digest is a second one; the JS loop costs
 * less than that for the first few blocks (bench: tooling/bench updates-live, profiled).
 */
function sha256(data: Uint8Array): Uint8Array {
  return data.length <= JS_SHA256_MAX_LENGTH ? sha256Js(data) : view(oneShotHash("sha256", data, "buffer"));
}

/** One node:crypto cipher per stream, `update` per chunk: OpenSSL keeps the counter and partial block. */
function createNodeAesCtr(key: Uint8Array, iv: Uint8Array): AesCtr {
  if (iv.length !== 16) throw new RangeError(`AES-CTR iv must be 16 bytes, got ${iv.length}`);
  const cipher = createCipheriv(`aes-${key.length * 8}-ctr`, key, iv);
  return { process: (data) => view(cipher.update(data)) };
}

function aesCtrFactory(addon: NativeAes | undefined): (key: Uint8Array, iv: Uint8Array) => AesCtr {
  const ctrXor = addon?.ctrXor;
  if (ctrXor === undefined) return createNodeAesCtr;
  return (key, iv) => (key.length === 32 ? new NativeAesCtr(ctrXor, key, iv) : createNodeAesCtr(key, iv));
}

type Ige = (data: Uint8Array, key: Uint8Array, iv: Uint8Array) => Uint8Array;

function nativeIge(run: NativeAes["igeEncrypt"], fallback: Ige): Ige {
  // Key and iv are fresh 32-byte arrays per message, small enough to live on V8's heap, and a native
  // call would first move each into a new off-heap buffer: copied into this one instead (sync, so shared).
  const scratch = new Uint8Array(new ArrayBuffer(64));
  const keyCopy = scratch.subarray(0, 32);
  const ivCopy = scratch.subarray(32, 64);
  return (data, key, iv) => {
    if (key.length !== 32) return fallback(data, key, iv);
    checkIgeArgs(data, key, iv);
    keyCopy.set(key);
    ivCopy.set(iv);
    const out = new Uint8Array(data.length);
    run(data, keyCopy, ivCopy, out);
    return out;
  };
}

export function createNodeCrypto(options: NodeCryptoOptions = {}): CryptoProvider {
  const addon = options.native === false ? undefined : loadNativeAes();
  // Without the addon, decryption takes the WebAssembly T-table AES (~2x the JS loop).
  // IGE decryption chains every block on the previous plaintext, so node:crypto cannot batch it:
  // without the addon it runs in the scalar WebAssembly module (as fast as the SIMD one, see
  // portable-provider.ts), else JS.
  const decryptFallback = wasmIgeAvailable() ? aesIgeDecryptWasm : aesIgeDecryptJs;
  return {
    name: addon ? "node+aesni" : "node",
    sha1: hash("sha1"),
    sha256,
    sha512: hash("sha512"),
    md5: hash("md5"),
    hmacSha256: (key, data) => view(createHmac("sha256", key).update(data).digest()),
    pbkdf2Sha512: (password, salt, iterations, length) =>
      view(pbkdf2Sync(password, salt, iterations, length, "sha512")),
    aesIgeEncrypt: addon ? nativeIge(addon.igeEncrypt, aesIgeEncryptNode) : aesIgeEncryptNode,
    aesIgeDecrypt: addon ? nativeIge(addon.igeDecrypt, decryptFallback) : decryptFallback,
    createAesCtr: aesCtrFactory(addon),
    modPow: modPowNode,
    randomFill: createRandomFill(),
  };
}
