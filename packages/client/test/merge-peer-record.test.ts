import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergePeerRecord } from "../src/peers/merge-peer-record.js";
import type { PeerRecord } from "../src/index.js";

const observation = fc.record({
  isMin: fc.boolean(),
  accessHash: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { nil: null }),
  usernames: fc.array(fc.stringMatching(/^[a-z]\w{2,8}$/), { maxLength: 2 }),
  phone: fc.option(fc.stringMatching(/^\d{5,12}$/), { nil: null }),
});

describe("mergePeerRecord (https://core.telegram.org/api/min)", () => {
  it("after any sequence of sightings, the last full access hash wins and min never downgrades (property)", () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 12 }), (sightings) => {
        let record: PeerRecord | null = null;
        for (const s of sightings) {
          record = mergePeerRecord(record, { kind: "user", id: 1n, ...s, seenIn: null, updatedAt: 0 });
        }
        const fulls = sightings.filter((s) => !s.isMin);
        expect(record?.isMin).toBe(fulls.length === 0);
        const lastFullHash = [...fulls].reverse().find((s) => s.accessHash !== null)?.accessHash;
        if (lastFullHash !== undefined) expect(record?.accessHash).toBe(lastFullHash);
        // A full record's hash always comes from a full sighting, never from a min one.
        if (record?.isMin === false && record.accessHash !== null) {
          expect(fulls.map((s) => s.accessHash)).toContain(record.accessHash);
        }
        const lastFullPhone = [...fulls].reverse().find((s) => s.phone !== null)?.phone;
        if (lastFullPhone !== undefined) expect(record?.phone).toBe(lastFullPhone);
      }),
      { numRuns: 1000 },
    );
  });
});
