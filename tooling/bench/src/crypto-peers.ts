// Peer implementations measured in the same run as mtkit: mtcute's NodeCryptoProvider (IGE in
// @mtcute/wasm) and GramJS's IGE (@cryptography/aes via telegram/crypto/IGE). Node's aes-256-cbc
// is the hardware ceiling for IGE encryption (same AES-NI work, no IGE chaining overhead), and its
// aes-256-ctr the ceiling for CTR streams.
import { createCipheriv } from "node:crypto";
import { createRequire } from "node:module";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";

const require = createRequire(import.meta.url);

export interface IgePeer {
  encrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  decrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
}

export async function createMtcute(): Promise<NodeCryptoProvider> {
  const provider = new NodeCryptoProvider();
  await provider.initialize();
  return provider;
}

export function mtcuteIge(provider: NodeCryptoProvider): IgePeer {
  return {
    encrypt: (data, key, iv) => provider.createAesIge(key, iv).encrypt(data),
    decrypt: (data, key, iv) => provider.createAesIge(key, iv).decrypt(data),
  };
}

interface GramIge {
  encryptIge(data: Buffer): Buffer;
  decryptIge(data: Buffer): Buffer;
}
type GramIgeCtor = new (key: Buffer, iv: Buffer) => GramIge;

export function gramjsIge(): IgePeer {
  const { IGE } = require("telegram/crypto/IGE") as { IGE: GramIgeCtor };
  const buf = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return {
    encrypt: (data, key, iv) => new IGE(buf(key), buf(iv)).encryptIge(buf(data)),
    decrypt: (data, key, iv) => new IGE(buf(key), buf(iv)).decryptIge(buf(data)),
  };
}

export function nodeCbcCeiling(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const cipher = createCipheriv("aes-256-cbc", key, iv.subarray(0, 16));
  cipher.setAutoPadding(false);
  return cipher.update(data);
}

/** node:crypto's aes-256-ctr as a stream (`update` per chunk): the ceiling for CTR streams. */
export function nodeCtrCeiling(key: Uint8Array, iv: Uint8Array): { process(data: Uint8Array): Uint8Array } {
  const cipher = createCipheriv("aes-256-ctr", key, iv);
  return { process: (data) => cipher.update(data) };
}
