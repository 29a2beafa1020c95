import { describe, expect, it } from "vitest";
import { int64ToBytesLE, readInt64LE, writeInt64LE } from "../src/bytes.js";

describe("64-bit little-endian fields", () => {
  it("writes the exact bytes and reads them back, signed", () => {
    expect([...int64ToBytesLE(0x0102030405060708n)]).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect([...int64ToBytesLE(-2n)]).toEqual([0xfe, 255, 255, 255, 255, 255, 255, 255]);
    for (const value of [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 0x5e0b700a00000000n]) {
      const b = new Uint8Array(12);
      writeInt64LE(b, 3, value);
      expect(readInt64LE(b, 3)).toBe(value);
      expect(b[0]).toBe(0);
      expect(b[11]).toBe(0);
    }
  });

  it("wraps values outside the signed range like BigInt.asIntN(64, x)", () => {
    const b = new Uint8Array(8);
    writeInt64LE(b, 0, 2n ** 64n + 5n);
    expect(readInt64LE(b, 0)).toBe(5n);
    writeInt64LE(b, 0, 2n ** 63n);
    expect(readInt64LE(b, 0)).toBe(-(2n ** 63n));
  });

  it("reads through a subarray's own offset and refuses to run past the end", () => {
    const backing = new Uint8Array(16);
    backing.set([1, 0, 0, 0, 0, 0, 0, 0], 8);
    expect(readInt64LE(backing.subarray(8), 0)).toBe(1n);
    expect(() => readInt64LE(backing.subarray(8), 1)).toThrow(RangeError);
    expect(() => {
      writeInt64LE(new Uint8Array(7), 0, 1n);
    }).toThrow(RangeError);
    expect(() => readInt64LE(new Uint8Array(8), -1)).toThrow(RangeError);
  });
});
