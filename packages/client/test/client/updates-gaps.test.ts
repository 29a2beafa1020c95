// The updates engine against the test server: pushes over real sockets, gaps filled by waiting or
// by getDifference / getChannelDifference answered by the server's typed handlers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ClientEvent } from "../../src/client/options.js";
import type { DeliveredUpdates } from "../../src/updates/update-sink.js";
import { makeClient, startHarness, type Harness } from "./harness.js";
import { ScriptedUpdates, textOf, until } from "./scripted-updates.js";

let h: Harness;
let box: ScriptedUpdates;
beforeAll(async () => {
  h = await startHarness({ bots: [{ token: "50:updates", username: "updates_bot", firstName: "Updates" }] });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  box = new ScriptedUpdates(h.server);
});

async function loggedIn(transport: "tcp" | "ws", extra: Parameters<typeof makeClient>[1] = {}) {
  const batches: DeliveredUpdates[] = [];
  const texts: string[] = [];
  const made = makeClient(h.server, {
    ws: transport === "ws",
    updates: {
      gapWaitMs: 50,
      sink: (batch) => {
        batches.push(batch);
        for (const update of batch.updates) texts.push(textOf(update));
      },
    },
    ...extra,
  });
  await made.client.start({ botToken: "50:updates" });
  await made.client.updates.catchUp();
  // Counted from here: the login's own catch-up and this one are not what the tests are about.
  box.calls.getDifference = 0;
  return { ...made, batches, texts };
}

const ofType = <T extends ClientEvent["type"]>(events: readonly ClientEvent[], type: T) =>
  events.filter((e): e is Extract<ClientEvent, { type: T }> => e.type === type);

describe.each(["tcp", "ws"] as const)("updates engine over %s", (transport) => {
  it("pushes in order are delivered once each, short forms as updateNewMessage, and the state is saved", async () => {
    const { client, texts, batches, storage } = await loggedIn(transport);
    for (const text of ["a", "b", "c"]) box.push(box.newMessage(text));
    box.push({ _: "updateShortMessage", id: 1, userId: 777n, message: "a", pts: 1, ptsCount: 1, date: 1 }); // a duplicate
    await until(() => texts.length >= 3, "three messages");
    await client.updates.flush();
    expect(texts).toEqual(["a", "b", "c"]);
    expect(batches[0]?.updates[0]).toMatchObject({
      _: "updateNewMessage",
      pts: 1,
      ptsCount: 1,
      message: { _: "message", peerId: { _: "peerUser", userId: 777n } },
    });
    expect(await storage.updates.get()).toMatchObject({ pts: 3 });
    expect(box.calls.getDifference).toBe(0); // none after the login's catch-up
    await client.disconnect();
  });

  it("reordered pushes wait for the fill without a difference", async () => {
    const { client, texts } = await loggedIn(transport, { updates: { gapWaitMs: 5_000, sink: () => undefined } });
    const sink: string[] = [];
    client.updates.addSink((batch) => {
      for (const update of batch.updates) sink.push(textOf(update));
    });
    const [one, two, three] = [box.newMessage("1"), box.newMessage("2"), box.newMessage("3")];
    box.push(one);
    box.push(three);
    box.push(two);
    await until(() => sink.length >= 3, "three messages");
    expect(sink).toEqual(["1", "2", "3"]);
    expect(texts).toEqual([]);
    expect(box.calls.getDifference).toBe(0);
    await client.disconnect();
  });

  it("a gap that does not fill is fetched with getDifference: nothing lost, nothing twice, in order", async () => {
    const { client, texts, events } = await loggedIn(transport);
    box.push(box.newMessage("1"));
    box.newMessage("2"); // never pushed
    box.newMessage("3"); // never pushed
    box.push(box.newMessage("4"));
    box.push(box.newMessage("5"));
    await until(() => texts.length >= 5, "five messages");
    await client.updates.flush();
    expect(texts).toEqual(["1", "2", "3", "4", "5"]);
    expect(ofType(events, "updates_fetch").map((e) => e.reason)).toContain("gap");
    expect(client.updates.state?.pts).toBe(5);
    await client.disconnect();
  });

  it("offline catch-up: slices are delivered and saved one by one, exactly what was missed", async () => {
    const first = await loggedIn(transport);
    box.push(box.newMessage("before"));
    await until(() => first.texts.length === 1, "the first message");
    await first.client.disconnect();
    for (let i = 0; i < 10; i++) box.newMessage(`missed ${i}`);

    const savedAtBatch: number[] = [];
    const texts: string[] = [];
    const second = makeClient(h.server, {
      ws: transport === "ws",
      storage: first.storage,
      updates: {
        sink: async (batch) => {
          savedAtBatch.push((await first.storage.updates.get())?.pts ?? -1);
          for (const update of batch.updates) texts.push(textOf(update));
          expect(batch.source).toBe("catch-up");
        },
      },
    });
    await second.client.connect();
    await until(() => texts.length >= 10, "the missed messages");
    await second.client.updates.flush();
    expect(texts).toEqual(Array.from({ length: 10 }, (_, i) => `missed ${i}`));
    // Slices of 3: each saw the state the previous one saved (streamed, never all held at once).
    expect(savedAtBatch).toEqual([1, 4, 7, 10]);
    expect(await first.storage.updates.get()).toMatchObject({ pts: 11 });
    await second.client.disconnect();
  });

  it("differenceTooLong: an updates_too_long event, and the state moves on", async () => {
    const { client, texts, events } = await loggedIn(transport, {
      updates: { ptsTotalLimit: 5, gapWaitMs: 50, sink: () => undefined },
    });
    for (let i = 0; i < 8; i++) box.newMessage(`skipped ${i}`);
    await client.updates.catchUp();
    expect(ofType(events, "updates_too_long")).toEqual([expect.objectContaining({ box: "pts" })]);
    expect(client.updates.state?.pts).toBe(8);
    expect(texts).toEqual([]);
    await client.disconnect();
  });

  it("a channel gap is fetched with getChannelDifference, with the access hash the push brought", async () => {
    const { client, texts } = await loggedIn(transport);
    const channel = 5_000_000_001n;
    box.push(box.channelMessage(channel, "c1"));
    await until(() => texts.length === 1, "the first channel message");
    box.channelMessage(channel, "c2");
    box.channelMessage(channel, "c3");
    box.push(box.channelMessage(channel, "c4"));
    await until(() => texts.length >= 4, "four channel messages");
    await client.updates.flush();
    expect(texts).toEqual(["c1", "c2", "c3", "c4"]);
    expect(box.calls.getChannelDifference).toBeGreaterThan(0);
    expect(client.updates.channelPts(channel)).toBe(4);
    await until(async () => (await client.storage.updates.getChannelPts(channel)) === 4, "the channel pts saved");
    // updateChannelTooLong fetches the channel too.
    box.channelMessage(channel, "c5");
    box.push({ _: "updateShort", update: { _: "updateChannelTooLong", channelId: channel, pts: 5 }, date: box.date });
    await until(() => texts.length >= 5, "the fifth channel message");
    expect(texts.at(-1)).toBe("c5");
    await client.disconnect();
  });

  it("the results of calls move the box: messages.affectedMessages and updateShortSentMessage", async () => {
    const { client, texts } = await loggedIn(transport);
    h.server.handle("messages.deleteMessages", () => {
      box.pts++;
      return { _: "messages.affectedMessages" as const, pts: box.pts, ptsCount: 1 };
    });
    h.server.handle("messages.sendMessage", () => {
      box.pts++;
      return { _: "updateShortSentMessage" as const, out: true, id: 99, pts: box.pts, ptsCount: 1, date: box.date };
    });
    await client.invoke({ _: "messages.deleteMessages", id: [1] });
    await client.invoke({ _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: "hi", randomId: 1n });
    box.push(box.newMessage("after"));
    await until(() => texts.length === 1, "the next push");
    expect(texts).toEqual(["after"]);
    expect(client.updates.state?.pts).toBe(3);
    expect(box.calls.getDifference).toBe(0); // no gap was seen
    await client.disconnect();
  });

  it("a dropped connection: what was written meanwhile is fetched after the reconnect", async () => {
    const { client, texts, events } = await loggedIn(transport);
    box.push(box.newMessage("online"));
    await until(() => texts.length === 1, "the first message");
    // Written before the drop and never pushed: only the catch-up after the reconnect can bring it.
    // (Written after it, a client quick to reconnect could fetch its difference first and never hear of it.)
    box.newMessage("while away");
    await h.server.dropConnections();
    await until(() => texts.length >= 2, "the message written while away", 30_000);
    expect(texts).toEqual(["online", "while away"]);
    expect(ofType(events, "updates_fetch").some((e) => e.reason === "reconnect" || e.reason === "new_session")).toBe(
      true,
    );
    await client.disconnect();
  });
});
