import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClient, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("TelegramClient on a connection that goes silent", () => {
  it("the server blackholes the connection mid-invoke: the invoke still resolves, and its handler ran once", async () => {
    const { client, events } = makeClient(h.server, { deadConnectionTimeoutMs: 600 });
    try {
      await client.connect();
      await client.invoke({ _: "help.getNearestDc" });
      let runs = 0;
      h.server.handle("help.getNearestDc", (_request, ctx) => {
        runs++;
        // From here on this connection reads and runs everything but answers nothing (a dead NAT entry).
        h.server.faults.silenceConnections();
        return { _: "nearestDc" as const, country: "ZZ", thisDc: ctx.dcId, nearestDc: ctx.dcId };
      });
      const nearest = await client.invoke({ _: "help.getNearestDc" });
      expect(nearest).toMatchObject({ _: "nearestDc", thisDc: 1 });
      expect(runs).toBe(1); // resent with its msg_id on a new connection, answered from the server's cache
      expect(events).toContainEqual(expect.objectContaining({ type: "connection_lost", dcId: 1 })); // found dead, not timed out
    } finally {
      await client.disconnect();
    }
  });
});
