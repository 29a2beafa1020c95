import { describe, expect, it } from "vitest";
import { noiseChunks } from "../../src/files/noise.js";

describe("noiseChunks", () => {
  it("yields exactly size bytes in chunkSize pieces, the same for the same seed", () => {
    const chunks = [...noiseChunks(10_000, 7, 4096)];
    expect(chunks.map((chunk) => chunk.length)).toEqual([4096, 4096, 1808]);
    expect([...noiseChunks(10_000, 7, 4096)]).toEqual(chunks);
    expect([...noiseChunks(0, 7)]).toEqual([]);
  });

  it("never repeats a chunk, so a part sent twice or out of order changes the hash", () => {
    const [first, second] = [...noiseChunks(2 * 4096, 3, 4096)];
    expect(first).not.toEqual(second);
    expect([...noiseChunks(4096, 4, 4096)][0]).not.toEqual(first);
  });
});
