// Consecutive batches share one state save (src/updates/save-groups.ts): each group holds at most
// 100 updates, keeps its batches in order, and its commit is the last state and the highest pts of
// every channel any of its batches moved.
import type { TypeUpdate } from "@mtkit/tl-core/api";
import { describe, expect, it } from "vitest";
import { groupForSave, MAX_UPDATES_PER_SAVE } from "../../src/updates/save-groups.js";
import type { UpdateBatch } from "../../src/updates/update-batch.js";

const update = (pts: number): TypeUpdate => ({ _: "updateDeleteMessages", messages: [pts], pts, ptsCount: 1 });

function batch(pts: number[], channels: [bigint, number][] = [], withState = true): UpdateBatch {
  const last = pts.at(-1) ?? 0;
  return {
    updates: pts.map(update),
    users: [],
    chats: [],
    source: "push",
    commit: { state: withState ? { pts: last, qts: 0, date: last, seq: 0 } : undefined, channels },
  };
}

describe("groupForSave", () => {
  it("saves once for a run of small batches: the last state and each channel's last pts", () => {
    const groups = groupForSave([batch([1]), batch([], [[7n, 10]], false), batch([2], [[7n, 11]]), batch([3])]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.batches.map((b) => b.updates.length)).toEqual([1, 0, 1, 1]);
    expect(groups[0]?.commit).toEqual({ state: { pts: 3, qts: 0, date: 3, seq: 0 }, channels: [[7n, 11]] });
  });

  it("keeps a group at most MAX_UPDATES_PER_SAVE updates, and a big batch alone", () => {
    const many = Array.from({ length: 150 }, (_, i) => batch([i + 1]));
    const groups = groupForSave(many);
    expect(groups.map((g) => g.batches.length)).toEqual([MAX_UPDATES_PER_SAVE, 50]);
    expect(groups[0]?.commit.state?.pts).toBe(MAX_UPDATES_PER_SAVE);
    const slice = batch(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(groupForSave([batch([1]), slice, batch([1001])]).map((g) => g.batches.length)).toEqual([1, 1, 1]);
  });

  it("keeps a state from an earlier batch when the last one moved none", () => {
    const [group] = groupForSave([batch([5]), batch([], [[9n, 3]], false)]);
    expect(group?.commit).toEqual({ state: { pts: 5, qts: 0, date: 5, seq: 0 }, channels: [[9n, 3]] });
  });
});
