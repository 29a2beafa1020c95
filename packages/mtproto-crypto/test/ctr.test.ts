// AES-256-CTR streams as obfuscation uses them
// (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation): whatever the chunk
// sizes, the stream must equal one-shot CTR, checked against @noble/ciphers as an independent reference.
import { existsSync } from "node:fs";
import { ctr } from "@noble/ciphers/aes.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AesCtr } from "../src/index.js";
import { buildAesWasm } from "../src/aes/ige-wasm-code.js";
import { createNodeCrypto } from "../src/node.js";
import { NativeAesCtr } from "../src/node/native-ctr.js";
import { PROVIDERS } from "./providers.js";

function processInChunks(stream: AesCtr, data: Uint8Array, splits: readonly number[]): Uint8Array {
  const cuts = [...new Set(splits.map((s) => s % (data.length + 1)))].sort((a, b) => a - b);
  const out = new Uint8Array(data.length);
  let from = 0;
  for (const to of [...cuts, data.length]) {
    const part = stream.process(data.subarray(from, to));
    expect(part).toHaveLength(to - from);
    out.set(part, from);
    from = to;
  }
  return out;
}

/** An iv whose low counter words are close to wrapping, so carries across words are exercised. */
const ivArbitrary = fc
  .tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 12 }))
  .map(([iv, ones]) => {
    const out = Uint8Array.from(iv);
    out.fill(0xff, 16 - ones);
    return out;
  });

describe.each(PROVIDERS)("AES-CTR streams ($name)", (crypto) => {
  it("random split points give the same stream as one call (property)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        ivArbitrary,
        fc.uint8Array({ maxLength: 2100 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (key, iv, data, splits) => {
          const expected = ctr(key, iv).encrypt(data);
          expect(crypto.createAesCtr(key, iv).process(data)).toEqual(expected);
          expect(processInChunks(crypto.createAesCtr(key, iv), data, splits)).toEqual(expected);
          const inPlace = crypto.createAesCtr(key, iv);
          if (inPlace.processInPlace !== undefined) {
            const buffer = Uint8Array.from(data);
            // Mixed calls continue one stream: in place for the first part, a new array for the rest.
            const cut = (splits[0] ?? 0) % (data.length + 1);
            inPlace.processInPlace(buffer.subarray(0, cut));
            buffer.set(inPlace.process(buffer.subarray(cut)), cut);
            expect(buffer).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("byte-by-byte and large chunks (memory growth) continue one stream", () => {
    const key = new Uint8Array(32).map((_, i) => 3 * i + 1);
    const iv = new Uint8Array(16).map((_, i) => 0xf0 + i);
    const data = new Uint8Array(140_000).map((_, i) => (i * 31) & 255);
    const expected = ctr(key, iv).encrypt(data);
    const stream = crypto.createAesCtr(key, iv);
    const head = Array.from({ length: 33 }, (_, i) => stream.process(data.subarray(i, i + 1))[0]);
    expect(Uint8Array.from(head as number[])).toEqual(expected.subarray(0, 33));
    expect(stream.process(data.subarray(33, 70_001))).toEqual(expected.subarray(33, 70_001));
    expect(stream.process(data.subarray(70_001))).toEqual(expected.subarray(70_001));
  });

  it("interleaved streams do not disturb each other (one shared AES module)", () => {
    const keys = [1, 2].map((seed) => new Uint8Array(32).map((_, i) => seed * 17 + i));
    const ivs = [3, 4].map((seed) => new Uint8Array(16).map((_, i) => seed * 5 + i));
    const data = new Uint8Array(1000).map((_, i) => i & 255);
    const streams = [0, 1].map((s) => crypto.createAesCtr(keys[s]!, ivs[s]!));
    const outputs = [new Uint8Array(1000), new Uint8Array(1000)];
    for (let at = 0; at < 1000; at += 77) {
      for (const s of [0, 1]) outputs[s]!.set(streams[s]!.process(data.subarray(at, Math.min(1000, at + 77))), at);
    }
    for (const s of [0, 1]) expect(outputs[s]).toEqual(ctr(keys[s]!, ivs[s]!).encrypt(data));
  });

  it("a stream continues right after IGE calls and new streams rewrote the shared module's keys", () => {
    const key = new Uint8Array(32).map((_, i) => 3 * i + 1);
    const iv = new Uint8Array(16).map((_, i) => 200 + i);
    const data = new Uint8Array(600).map((_, i) => (7 * i) & 255);
    const stream = crypto.createAesCtr(key, iv);
    const out = new Uint8Array(600);
    const other = new Uint8Array(32).fill(9);
    for (let at = 0; at < 600; at += 100) {
      out.set(stream.process(data.subarray(at, at + 50)), at);
      crypto.createAesCtr(other, other.subarray(0, 16)).process(new Uint8Array(40));
      out.set(stream.process(data.subarray(at + 50, at + 75)), at + 50);
      crypto.aesIgeEncrypt(new Uint8Array(64), other, other);
      crypto.aesIgeDecrypt(new Uint8Array(64), other, other);
      out.set(stream.process(data.subarray(at + 75, at + 100)), at + 75);
    }
    expect(out).toEqual(ctr(key, iv).encrypt(data));
  });

  it("a 16-byte key gives AES-128-CTR", () => {
    const key = new Uint8Array(16).map((_, i) => 9 * i);
    const iv = new Uint8Array(16).fill(0xff);
    const data = new Uint8Array(77).map((_, i) => i);
    expect(processInChunks(crypto.createAesCtr(key, iv), data, [5, 40])).toEqual(ctr(key, iv).encrypt(data));
  });

  it("rejects an iv that is not 16 bytes and returns a fresh array for empty input", () => {
    expect(() => crypto.createAesCtr(new Uint8Array(32), new Uint8Array(15))).toThrow(RangeError);
    expect(crypto.createAesCtr(new Uint8Array(32), new Uint8Array(16)).process(new Uint8Array(0))).toHaveLength(0);
  });
});

it("the generated AES module stays under the 4 KiB browsers compile synchronously on the main thread", () => {
  expect(buildAesWasm().length).toBeLessThan(4096);
});

it("every portable stream can work in place", () => {
  for (const crypto of PROVIDERS.filter((p) => p.name.startsWith("portable"))) {
    expect("processInPlace" in crypto.createAesCtr(new Uint8Array(32), new Uint8Array(16))).toBe(true);
  }
});

it.skipIf(!existsSync(new URL("../dist/native/mtkit_aes.node", import.meta.url)))(
  "the node provider streams CTR through the AES-NI addon when built",
  () => {
    expect(createNodeCrypto().createAesCtr(new Uint8Array(32), new Uint8Array(16))).toBeInstanceOf(NativeAesCtr);
    expect(createNodeCrypto({ native: false }).createAesCtr(new Uint8Array(32), new Uint8Array(16))).not.toBeInstanceOf(
      NativeAesCtr,
    );
  },
);
