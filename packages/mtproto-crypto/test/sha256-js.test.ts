// The JS SHA-256 the Node provider uses for short inputs (src/hash/sha256-js.ts) against node:crypto
// over every length that changes the padding (0..300 bytes, one to five blocks and their edges),
// with the input in one part and in two, and its scratch buffer reused between calls.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Js } from "../src/hash/sha256-js.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("sha256Js", () => {
  it("matches node:crypto for every length up to 300 bytes, whole and in two parts", () => {
    for (let length = 0; length <= 300; length++) {
      const data = new Uint8Array(randomBytes(length));
      const expected = createHash("sha256").update(data).digest("hex");
      expect(hex(sha256Js(data))).toBe(expected);
      const cut = length >> 1;
      expect(hex(sha256Js(data.subarray(0, cut), data.subarray(cut)))).toBe(expected);
    }
  });

  it("gives the FIPS 180-4 digest of 'abc' after a longer input grew its scratch buffer", () => {
    sha256Js(new Uint8Array(5000));
    expect(hex(sha256Js(new TextEncoder().encode("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
