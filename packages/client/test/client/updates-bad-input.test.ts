// Bad input for the updates engine, from a real server over a real socket: typed problems and
// errors, the client keeps working, nothing hangs, nothing grows without bound.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ClientEvent } from "../../src/client/options.js";
import { UpdatesError } from "../../src/updates/updates-problem.js";
import { makeClient, startHarness, type Harness } from "./harness.js";
import { ScriptedUpdates, textOf, until } from "./scripted-updates.js";

let h: Harness;
let box: ScriptedUpdates;
beforeAll(async () => {
  h = await startHarness({ bots: [{ token: "51:bad", username: "bad_input_bot", firstName: "Bad" }] });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  box = new ScriptedUpdates(h.server);
});

async function loggedIn(options: { maxDifferenceSlices?: number; sinkThrowsOn?: string } = {}) {
  const texts: string[] = [];
  const made = makeClient(h.server, {
    updates: {
      gapWaitMs: 50,
      ...(options.maxDifferenceSlices === undefined ? {} : { maxDifferenceSlices: options.maxDifferenceSlices }),
      sink: (batch) => {
        for (const update of batch.updates) {
          const text = textOf(update);
          texts.push(text);
          if (text === options.sinkThrowsOn) throw new Error("handler bug");
        }
      },
    },
  });
  await made.client.start({ botToken: "51:bad" });
  await made.client.updates.catchUp();
  return { ...made, texts };
}

const problems = (events: readonly ClientEvent[]): string[] =>
  events.flatMap((e) => (e.type === "updates_problem" ? [e.problem.code] : []));

describe("updates engine: bad input", () => {
  it("pts going backwards is a duplicate; a negative pts_count is BAD_PTS and a re-sync", async () => {
    const { client, texts, events } = await loggedIn();
    for (const text of ["1", "2", "3"]) box.push(box.newMessage(text));
    await until(() => texts.length === 3, "three messages");
    box.push({ _: "updateShortMessage", id: 50, userId: 777n, message: "backwards", pts: 1, ptsCount: 1, date: 1 });
    box.push({ _: "updateShortMessage", id: 51, userId: 777n, message: "negative", pts: 4, ptsCount: -1, date: 1 });
    box.push(box.newMessage("4"));
    await until(() => texts.length === 4, "the fourth message");
    await until(() => problems(events).includes("BAD_PTS"), "BAD_PTS");
    await client.updates.flush();
    expect(texts).toEqual(["1", "2", "3", "4"]);
    expect(client.updates.state?.pts).toBe(4);
    await client.disconnect();
  });

  it("an unknown constructor pushed: UNKNOWN_CONSTRUCTOR, the difference is fetched, nothing is lost", async () => {
    const { client, texts, events } = await loggedIn();
    const fetchesBefore = box.calls.getDifference;
    box.newMessage("hidden behind garbage");
    // A constructor no layer has, then a few bytes: the session cannot decode it.
    h.server.pushUpdates(new Uint8Array([0xef, 0xbe, 0xad, 0xde, 1, 2, 3, 4]));
    await until(() => texts.length === 1, "the message fetched after the garbage");
    expect(texts).toEqual(["hidden behind garbage"]);
    expect(problems(events)).toContain("UNKNOWN_CONSTRUCTOR");
    expect(box.calls.getDifference).toBeGreaterThan(fetchesBefore);
    expect((await client.getMe()).username).toBe("bad_input_bot");
    await client.disconnect();
  });

  it("a difference that never moves: DIFFERENCE_STUCK after a few answers, catchUp() rejects typed", async () => {
    const { client, events } = await loggedIn();
    box.differenceOverride = (pts) => ({
      _: "updates.differenceSlice",
      newMessages: [],
      newEncryptedMessages: [],
      otherUpdates: [],
      chats: [],
      users: [],
      intermediateState: { _: "updates.state", pts, qts: 0, date: box.date, seq: 0, unreadCount: 0 },
    });
    const before = box.calls.getDifference;
    const error: unknown = await client.updates.catchUp().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpdatesError);
    expect(error).toMatchObject({ code: "DIFFERENCE_STUCK", box: "pts" });
    expect(box.calls.getDifference - before).toBe(3);
    expect(problems(events)).toContain("DIFFERENCE_STUCK");
    box.differenceOverride = undefined;
    box.push(box.newMessage("still alive"));
    await client.updates.catchUp();
    await client.disconnect();
  });

  it("a difference that never ends: stops after maxDifferenceSlices with the progress saved", async () => {
    const { client, texts, storage } = await loggedIn({ maxDifferenceSlices: 40 });
    box.differenceOverride = (pts) => ({
      _: "updates.differenceSlice",
      newMessages: [
        {
          _: "message",
          id: pts + 1,
          peerId: { _: "peerUser", userId: 777n },
          date: box.date,
          message: `endless ${pts + 1}`,
        },
      ],
      newEncryptedMessages: [],
      otherUpdates: [],
      chats: [],
      users: [],
      intermediateState: { _: "updates.state", pts: pts + 1, qts: 0, date: box.date, seq: 0, unreadCount: 0 },
    });
    const start = client.updates.state?.pts ?? 0;
    await expect(client.updates.catchUp()).rejects.toMatchObject({ code: "DIFFERENCE_TOO_LONG_RUNNING" });
    expect(texts).toHaveLength(40);
    expect(await storage.updates.get()).toMatchObject({ pts: start + 40 });
    box.differenceOverride = undefined;
    await client.disconnect();
  });

  it("a sink that throws: SINK_FAILED, the next updates still arrive", async () => {
    const { client, texts, events } = await loggedIn({ sinkThrowsOn: "boom" });
    box.push(box.newMessage("boom"));
    box.push(box.newMessage("after"));
    await until(() => texts.length === 2, "both messages");
    await client.updates.flush();
    expect(problems(events)).toContain("SINK_FAILED");
    expect(client.updates.state?.pts).toBe(2);
    await client.disconnect();
  });
});
