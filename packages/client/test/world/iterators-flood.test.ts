import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../client/harness.js";
import { loginUser, startWorld, USERS } from "./world-harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startWorld();
});
afterAll(async () => {
  await h.close();
});

describe.each(["tcp", "ws"] as const)("iterators and FLOOD_WAIT over %s", (transport) => {
  it("a flood wait above the client's threshold is slept through by the iterator, then the same page is asked again", async () => {
    // Threshold 0: the client throws every FLOOD_WAIT, so only the iterator's pacing can save the walk.
    const alice = await loginUser(h, transport, USERS[0].phone, { floodSleepThreshold: 0 });
    try {
      for (let i = 0; i < 5; i += 1) await alice.sendText("@bob", `f${String(i)}`);
      h.server.faults.floodWait("messages.getHistory", 1);
      const waits: number[] = [];
      const texts: string[] = [];
      for await (const m of alice.iterHistory("@bob", { chunkSize: 2, onFloodWait: (s) => waits.push(s) }))
        texts.push(m.text);
      expect(texts.slice(0, 5)).toEqual(["f4", "f3", "f2", "f1", "f0"]);
      expect(waits).toEqual([1]);

      h.server.faults.floodWait("messages.getHistory", 30);
      await expect(async () => {
        const seen: number[] = [];
        for await (const m of alice.iterHistory("@bob", { maxFloodWaitSeconds: 5 })) seen.push(m.id);
      }).rejects.toMatchObject({ name: "FLOOD_WAIT", argument: 30 });
    } finally {
      await alice.disconnect();
    }
  });
});
