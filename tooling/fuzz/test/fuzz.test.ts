import { describe, expect, it } from "vitest";
import { runFuzz } from "../src/run-fuzz.js";
import { Rng } from "../src/rng.js";
import { AllocationGuard } from "../src/alloc-guard.js";
import type { FuzzTarget } from "../src/target.js";

// The short version of `pnpm fuzz` (which runs 1,000,000 inputs): the same targets, fewer inputs.
describe("fuzz (short)", () => {
  it("30,000 inputs over the TL reader, the framing codecs and the session receive path: typed errors only", () => {
    const report = runFuzz({ inputs: 30_000, maxSeconds: 100, seed: 7 });
    expect(
      report.findings.map((finding) => `${finding.target} ${finding.kind}: ${finding.detail.split("\n")[0] ?? ""}`),
    ).toEqual([]);
    expect(report.inputs).toBe(30_000);
    for (const entry of Object.values(report.targets)) expect(entry.inputs).toBe(10_000);
  });

  it("the harness itself catches an untyped error, a hang and an allocation from a claimed length", () => {
    const bad: FuzzTarget[] = [
      {
        name: "throws",
        run: () => {
          throw new RangeError("offset out of bounds");
        },
      },
      {
        name: "allocates",
        run: (_rng: Rng, guard: AllocationGuard) => {
          guard.inputLength = 104;
          return String(new Uint8Array(16 * 1024 * 1024).length);
        },
      },
      {
        name: "hangs",
        run: () => {
          const end = performance.now() + 100;
          while (performance.now() < end) {
            /* spin */
          }
          return "ok";
        },
      },
    ];
    const report = runFuzz({ inputs: 3, maxSeconds: 10, seed: 1, hangMs: 50 }, bad);
    // (A loaded machine may also make the first inputs look slow: only the expected three matter.)
    expect(report.findings.map((finding) => `${finding.target}:${finding.kind}`)).toEqual(
      expect.arrayContaining(["throws:untyped-error", "allocates:allocation", "hangs:hang"]),
    );
  });
});
