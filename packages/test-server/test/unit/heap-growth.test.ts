// limitHeapGrowth sets a process-wide V8 flag; what it does to a server under a flood is measured by
// `pnpm --filter @mtkit/bench run bench:hostile` (MTKIT_HOSTILE_HEAP_GROWTH=0 runs without it). Here:
// the flag is accepted at run time and a nonsense growth is refused before it reaches V8.
import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_GROWTH_PERCENT, limitHeapGrowth } from "../../src/index.js";

describe("limitHeapGrowth", () => {
  it("refuses a growth that is not a whole percent from 1 to 400", () => {
    for (const bad of [0, -5, 1.5, 401, Number.NaN])
      expect(() => {
        limitHeapGrowth(bad);
      }).toThrow(RangeError);
  });

  it("sets the default growth at run time", () => {
    expect(DEFAULT_HEAP_GROWTH_PERCENT).toBe(30);
    expect(() => {
      limitHeapGrowth();
    }).not.toThrow();
  });
});
