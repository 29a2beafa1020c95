// `long` reads through the scratch BigInt64Array must equal DataView's little-endian reads.
import { describe, expect, it } from "vitest";
import { apiRegistry } from "../src/api.js";
import { LITTLE_ENDIAN_HOST, readInt64LittleEndianHost } from "../src/runtime/int64.js";
import { TlReader } from "../src/runtime/reader.js";

describe("int64 reads", () => {
  it("match DataView#getBigInt64(…, true) at every offset, edge values included", () => {
    const edges = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 32n, -(2n ** 32n) - 1n, 0x0102030405060708n];
    const data = new Uint8Array(8 * edges.length + 7 + 8 * 256);
    const view = new DataView(data.buffer);
    edges.forEach((value, i) => {
      view.setBigInt64(8 * i, value, true);
    });
    let seed = 0x9e3779b9;
    for (let i = 8 * edges.length; i < data.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) | 0;
      data[i] = seed >>> 24;
    }
    edges.forEach((value, i) => {
      expect(new TlReader(apiRegistry, data, {}, 8 * i).long()).toBe(value);
    });
    for (let p = 0; p + 8 <= data.length; p++) {
      const expected = view.getBigInt64(p, true);
      expect(new TlReader(apiRegistry, data, {}, p).long(), `offset ${p}`).toBe(expected);
      if (LITTLE_ENDIAN_HOST) expect(readInt64LittleEndianHost(data, p)).toBe(expected);
    }
  });
});
