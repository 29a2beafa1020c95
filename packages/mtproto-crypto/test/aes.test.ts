import { existsSync } from "node:fs";
import { ecb } from "@noble/ciphers/aes.js";
import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CryptoProvider } from "../src/index.js";
import { wasmIgeAvailable } from "../src/aes/ige-wasm.js";
import { nativeAesAvailable } from "../src/node.js";
import { PROVIDERS } from "./providers.js";

interface IgeVector {
  name: string;
  op: string;
  key: string;
  iv: string;
  plaintext: string;
  ciphertext: string;
}
const { vectors } = loadVectors("aes-ige") as { vectors: IgeVector[] };

describe.each(PROVIDERS)("AES ($name)", (crypto) => {
  it.each(vectors)("IGE vector $name", (v) => {
    if (v.op.includes("encrypt"))
      expect(toHex(crypto.aesIgeEncrypt(hex(v.plaintext), hex(v.key), hex(v.iv)))).toBe(v.ciphertext);
    if (v.op.includes("decrypt"))
      expect(toHex(crypto.aesIgeDecrypt(hex(v.ciphertext), hex(v.key), hex(v.iv)))).toBe(v.plaintext);
  });

  it("IGE with one block equals ECB of (m ^ iv1) ^ iv2", () => {
    const key = new Uint8Array(32).map((_, i) => i * 7);
    const iv = new Uint8Array(32).map((_, i) => 255 - i);
    const m = new Uint8Array(16).map((_, i) => i * 3);
    const x = m.map((b, i) => b ^ iv[i]!);
    const y = ecb(key, { disablePadding: true }).encrypt(x);
    expect(crypto.aesIgeEncrypt(m, key, iv)).toEqual(y.map((b, i) => b ^ iv[16 + i]!));
  });

  it("IGE rejects lengths that are not a multiple of 16 and bad ivs", () => {
    const key = new Uint8Array(32);
    expect(() => crypto.aesIgeEncrypt(new Uint8Array(15), key, new Uint8Array(32))).toThrow(RangeError);
    expect(() => crypto.aesIgeDecrypt(new Uint8Array(16), key, new Uint8Array(16))).toThrow(RangeError);
    expect(crypto.aesIgeEncrypt(new Uint8Array(0), key, new Uint8Array(32))).toHaveLength(0);
  });

  it("IGE decrypt(encrypt(x)) == x for random sizes (property)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 3 }),
        (key, iv, blocks, offset) => {
          // Unaligned views exercise the byte-wise fallbacks of the Node CBC trick.
          const backing = new Uint8Array(blocks * 16 + offset).map((_, i) => (i * 31 + blocks) & 255);
          const data = backing.subarray(offset);
          const enc = crypto.aesIgeEncrypt(data, key, iv);
          expect(crypto.aesIgeDecrypt(enc, key, iv)).toEqual(data);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("CTR is a continuous stream across calls and matches one-shot CTR", () => {
    const key = new Uint8Array(32).map((_, i) => i);
    const iv = new Uint8Array(16).fill(0xff); // counter wraps over all 128 bits on the first increment
    const data = new Uint8Array(100).map((_, i) => i);
    const whole = crypto.createAesCtr(key, iv).process(data);
    const stream = crypto.createAesCtr(key, iv);
    const parts = [
      stream.process(data.subarray(0, 7)),
      stream.process(data.subarray(7, 40)),
      stream.process(data.subarray(40)),
    ];
    expect(Uint8Array.from(parts.flatMap((p) => [...p]))).toEqual(whole);
    expect(crypto.createAesCtr(key, iv).process(whole)).toEqual(data);
  });
});

describe("providers agree byte for byte", () => {
  const [reference, ...others] = PROVIDERS as [CryptoProvider, ...CryptoProvider[]];
  it.each(others)("IGE and CTR: portable vs $name (property)", (other) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 700 }),
        (key, iv, raw) => {
          const data = raw.subarray(0, raw.length - (raw.length % 16));
          expect(other.aesIgeEncrypt(data, key, iv)).toEqual(reference.aesIgeEncrypt(data, key, iv));
          expect(other.aesIgeDecrypt(data, key, iv)).toEqual(reference.aesIgeDecrypt(data, key, iv));
          const ctrIv = iv.subarray(0, 16);
          expect(other.createAesCtr(key, ctrIv).process(raw)).toEqual(reference.createAesCtr(key, ctrIv).process(raw));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the portable provider runs IGE in WebAssembly here, and the JS variant is also covered", () => {
    expect(wasmIgeAvailable()).toBe(true);
    expect(PROVIDERS.map((p) => p.name)).toEqual(
      expect.arrayContaining(["portable", "portable (scalar wasm)", "portable (js)"]),
    );
  });

  it.skipIf(!existsSync(new URL("../dist/native/mtkit_aes.node", import.meta.url)))(
    "the built AES-NI addon is picked up",
    () => {
      expect(nativeAesAvailable()).toBe(true);
      expect(PROVIDERS.map((p) => p.name)).toContain("node+aesni");
    },
  );
});
