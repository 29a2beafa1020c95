// A session that falls too far behind on pushes (https://core.telegram.org/api/updates): the test
// server lets a session leave `pushBacklog` pushes unacknowledged, then sends updatesTooLong instead
// of more; the client recovers everything left out with getDifference, once and in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClient, startHarness, type Harness } from "./harness.js";
import { textOf, until } from "./scripted-updates.js";

const BACKLOG = 5;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { pushBacklog: BACKLOG } });
});
afterAll(async () => {
  await h.close();
});

let nextNumber = 1;

describe.each(["tcp", "ws"] as const)("pushes to a session that fell behind, over %s", (transport) => {
  it("gets updatesTooLong instead of more pushes, and getDifference brings the rest", async () => {
    const alice = h.slice.addUser({ phone: `99966490${String(nextNumber++).padStart(2, "0")}`, firstName: "Alice" });
    const texts: string[] = [];
    const bob = makeClient(h.server, {
      ws: transport === "ws",
      updates: {
        sink: (batch) => {
          for (const update of batch.updates) if (update._ === "updateNewMessage") texts.push(textOf(update));
        },
      },
    });
    const phone = `99966491${String(nextNumber++).padStart(2, "0")}`;
    const me = await bob.client.start({ phone, code: () => "44444", firstName: "Bob" });
    await bob.client.updates.catchUp();
    const before = h.slice.pushBacklog;

    // Twenty messages in one go: Bob cannot acknowledge any before the server has pushed them all.
    const expected = Array.from({ length: 20 }, (_, i) => `burst ${String(i)}`);
    for (const text of expected) h.slice.world.chatMessaging.send(alice.id, { kind: "user", id: me.id }, { text });
    await until(() => texts.length >= expected.length, "the twenty messages");
    await bob.client.updates.flush();
    expect(texts).toEqual(expected);
    const after = h.slice.pushBacklog;
    expect(after.tooLong - before.tooLong).toBe(1);
    expect(after.skipped - before.skipped).toBe(expected.length - BACKLOG);
    expect(bob.events.some((e) => e.type === "updates_fetch" && e.box === "pts" && e.reason === "gap")).toBe(true);

    // Caught up: the next pushes flow again.
    for (const text of ["after 1", "after 2"])
      h.slice.world.chatMessaging.send(alice.id, { kind: "user", id: me.id }, { text });
    await until(() => texts.length >= expected.length + 2, "the two messages after");
    expect(texts.slice(expected.length)).toEqual(["after 1", "after 2"]);
    expect(h.slice.pushBacklog.tooLong - before.tooLong).toBe(1);
    await bob.client.disconnect();
  });
});
