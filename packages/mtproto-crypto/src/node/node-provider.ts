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
  return (data, key, iv) => {
    if (key.length !== 32) return fallback(data, key, iv);
    checkIgeArgs(data, key, iv);
    const out = new Uint8Array(data.length);
    run(data, key, iv, out);
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
    sha256: hash("sha256"),
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
