import { describe, expect, it } from "vitest";
import { trimMtprotoPadding } from "../src/framing/padding.js";

const plain = (bodyLength: number, pad: number): Uint8Array => {
  const out = new Uint8Array(20 + bodyLength + pad).fill(0xaa);
  out.fill(0, 0, 8);
  new DataView(out.buffer).setUint32(16, bodyLength, true);
  return out;
};

describe("trimMtprotoPadding", () => {
  it.each([0, 1, 3, 15])("plain message with an empty body and %i padding bytes", (pad) => {
    expect(trimMtprotoPadding(plain(0, pad))).toHaveLength(20);
  });

  it.each([0, 7, 15])("encrypted message of 24 + 32 bytes with %i padding bytes", (pad) => {
    const packet = new Uint8Array(56 + pad).fill(0x11);
    expect(trimMtprotoPadding(packet)).toHaveLength(56);
  });

  it("leaves inconsistent or short packets untouched for the session to reject", () => {
    const lying = plain(100, 0).subarray(0, 40);
    expect(trimMtprotoPadding(lying)).toHaveLength(40);
    expect(trimMtprotoPadding(new Uint8Array(12))).toHaveLength(12);
  });
});
