// The sans-IO core on its own: the documented checks of https://core.telegram.org/api/updates,
// time passed in by hand.
import type { RawMessage, TypeUpdate, TypeUpdates } from "@mtkit/tl-core/api";
import { describe, expect, it } from "vitest";
import { checkPts, checkSeq } from "../../src/updates/box-check.js";
import { applyDifference, beginDifference, endDifference } from "../../src/updates/apply-difference.js";
import type { CoreOutput } from "../../src/updates/update-batch.js";
import { UpdatesCore } from "../../src/updates/updates-core.js";

const SELF = 1000n;
const state = { pts: 10, qts: 5, date: 100, seq: 20 };

function core(maxPending = 100): UpdatesCore {
  const c = new UpdatesCore({ maxPending, gapWaitMs: 500, selfId: () => SELF });
  c.load(state, [[7n, 50]], 0);
  return c;
}

const message = (
  id: number,
  peer: { _: "peerUser"; userId: bigint } | { _: "peerChannel"; channelId: bigint } = { _: "peerUser", userId: 2n },
): RawMessage => ({ _: "message", id, peerId: peer, date: 1, message: `m${id}` });
const newMessage = (pts: number, count = 1): TypeUpdate => ({
  _: "updateNewMessage",
  message: message(pts),
  pts,
  ptsCount: count,
});
const container = (updates: TypeUpdate[], seq: number, seqStart?: number): TypeUpdates =>
  seqStart === undefined
    ? { _: "updates", updates, users: [], chats: [], date: 200, seq }
    : { _: "updatesCombined", updates, users: [], chats: [], date: 200, seq, seqStart };
const delivered = (out: CoreOutput): string[] =>
  out.batches.flatMap((b) =>
    b.updates.map((u) =>
      (u._ === "updateNewMessage" || u._ === "updateNewChannelMessage") && u.message._ === "message"
        ? u.message.message
        : u._,
    ),
  );

describe("box checks", () => {
  it("pts: apply, duplicate, gap", () => {
    expect(checkPts(10, 11, 1)).toBe("apply");
    expect(checkPts(10, 12, 2)).toBe("apply");
    expect(checkPts(10, 10, 1)).toBe("duplicate");
    expect(checkPts(10, 3, 1)).toBe("duplicate"); // pts going backwards
    expect(checkPts(10, 13, 1)).toBe("gap");
  });
  it("seq: unordered, apply, duplicate, gap", () => {
    expect(checkSeq(20, 0)).toBe("unordered");
    expect(checkSeq(20, 21)).toBe("apply");
    expect(checkSeq(20, 20)).toBe("duplicate");
    expect(checkSeq(20, 23)).toBe("gap");
  });
});

describe("UpdatesCore", () => {
  it("applies in order, drops duplicates, holds a gap until it fills, commits the state with the batch", () => {
    const c = core();
    expect(delivered(c.ingest({ _: "updateShort", update: newMessage(11), date: 1 }, 0))).toEqual(["m11"]);
    expect(delivered(c.ingest({ _: "updateShort", update: newMessage(11), date: 1 }, 0))).toEqual([]);
    expect(delivered(c.ingest({ _: "updateShort", update: newMessage(13), date: 1 }, 10))).toEqual([]);
    expect(c.nextDeadline()).toBe(510);
    expect(c.expired(509)).toEqual([]);
    const filled = c.ingest({ _: "updateShort", update: newMessage(12), date: 1 }, 20);
    expect(delivered(filled)).toEqual(["m12", "m13"]);
    expect(filled.batches[0]?.commit.state).toMatchObject({ pts: 13 });
    expect(c.nextDeadline()).toBeUndefined();
  });

  it("an unfilled gap expires into a difference need", () => {
    const c = core();
    c.ingest({ _: "updateShort", update: newMessage(15), date: 1 }, 0);
    expect(c.expired(500)).toEqual([{ kind: "difference" }]);
  });

  it("seq: containers in order, gaps held, seq 0 unordered, duplicates dropped", () => {
    const c = core();
    expect(delivered(c.ingest(container([newMessage(11)], 21), 0))).toEqual(["m11"]);
    expect(delivered(c.ingest(container([newMessage(13)], 23, 23), 0))).toEqual([]);
    expect(delivered(c.ingest(container([newMessage(12)], 22), 0))).toEqual(["m12", "m13"]);
    expect(c.state).toMatchObject({ seq: 23, pts: 13, date: 200 });
    expect(
      delivered(
        c.ingest(container([{ _: "updateUserTyping", userId: 2n, action: { _: "sendMessageTypingAction" } }], 0), 0),
      ),
    ).toEqual(["updateUserTyping"]);
    expect(
      delivered(
        c.ingest(container([{ _: "updateUserTyping", userId: 2n, action: { _: "sendMessageTypingAction" } }], 22), 0),
      ),
    ).toEqual([]);
  });

  it("short forms become updateNewMessage with from_id and peer_id", () => {
    const c = core();
    const out = c.ingest(
      { _: "updateShortMessage", out: true, id: 5, userId: 2n, message: "hi", pts: 11, ptsCount: 1, date: 9 },
      0,
    );
    expect(out.batches[0]?.updates[0]).toMatchObject({
      _: "updateNewMessage",
      pts: 11,
      ptsCount: 1,
      message: {
        _: "message",
        out: true,
        id: 5,
        fromId: { _: "peerUser", userId: SELF },
        peerId: { _: "peerUser", userId: 2n },
        message: "hi",
        date: 9,
      },
    });
    const chat = c.ingest(
      { _: "updateShortChatMessage", id: 6, fromId: 3n, chatId: 4n, message: "yo", pts: 12, ptsCount: 1, date: 9 },
      0,
    );
    expect(chat.batches[0]?.updates[0]).toMatchObject({
      _: "updateNewMessage",
      message: { fromId: { _: "peerUser", userId: 3n }, peerId: { _: "peerChat", chatId: 4n } },
    });
  });

  it("channels have their own box; a channel never seen starts at its first update", () => {
    const c = core();
    const inChannel = (channelId: bigint, pts: number): TypeUpdates => ({
      _: "updateShort",
      update: {
        _: "updateNewChannelMessage",
        message: message(pts, { _: "peerChannel", channelId }),
        pts,
        ptsCount: 1,
      },
      date: 1,
    });
    expect(delivered(c.ingest(inChannel(7n, 51), 0))).toEqual(["m51"]);
    expect(delivered(c.ingest(inChannel(7n, 53), 0))).toEqual([]);
    expect(c.expired(600)).toEqual([{ kind: "channel", channelId: 7n }]);
    const fresh = c.ingest(inChannel(8n, 900), 0);
    expect(delivered(fresh)).toEqual(["m900"]);
    expect(fresh.batches[0]?.commit).toEqual({ state: undefined, channels: [[8n, 900]] });
    expect(c.state?.pts).toBe(10);
  });

  it("qts: one event each", () => {
    const c = core();
    const stopped = (qts: number): TypeUpdates => ({
      _: "updateShort",
      update: { _: "updateBotStopped", userId: 2n, date: 1, stopped: true, qts },
      date: 1,
    });
    expect(delivered(c.ingest(stopped(6), 0))).toEqual(["updateBotStopped"]);
    expect(delivered(c.ingest(stopped(6), 0))).toEqual([]);
    expect(delivered(c.ingest(stopped(8), 0))).toEqual([]);
    expect(c.state?.qts).toBe(6);
  });

  it("bad input: negative pts_count is a typed problem and a re-sync, never a state change", () => {
    const c = core();
    const out = c.ingest({ _: "updateShort", update: newMessage(11, -1), date: 1 }, 0);
    expect(out.problems).toEqual([expect.objectContaining({ code: "BAD_PTS", box: "pts" })]);
    expect(out.needs).toEqual([{ kind: "difference" }]);
    expect(out.batches).toEqual([]);
    expect(c.state?.pts).toBe(10);
    expect(c.unreadable("x").problems[0]?.code).toBe("UNKNOWN_CONSTRUCTOR");
  });

  it("bounded memory: a gap never filled drops what waits past maxPending and asks for the difference", () => {
    const c = core(10);
    let overflow: CoreOutput | undefined;
    for (let pts = 100; pts < 120 && overflow === undefined; pts++) {
      const out = c.ingest({ _: "updateShort", update: newMessage(pts), date: 1 }, 0);
      if (out.problems.length > 0) overflow = out;
    }
    expect(overflow?.problems[0]?.code).toBe("PENDING_OVERFLOW");
    expect(overflow?.needs).toEqual([{ kind: "difference" }]);
    expect(c.boxes.pts.pendingCount).toBe(0);
  });

  it("pushes before the state is known are applied against it once loaded", () => {
    const c = new UpdatesCore({ maxPending: 10, gapWaitMs: 500, selfId: () => undefined });
    expect(c.ingest({ _: "updateShort", update: newMessage(10), date: 1 }, 0).batches).toEqual([]);
    expect(c.ingest({ _: "updateShort", update: newMessage(11), date: 1 }, 0).batches).toEqual([]);
    expect(delivered(c.load(state, [], 0))).toEqual(["m11"]);
  });

  it("a difference slice: messages delivered, state moved, pushes held meanwhile then filtered", () => {
    const c = core();
    const boxes = c.boxes;
    expect(beginDifference(boxes)).toEqual({ pts: 10, qts: 5, date: 100 });
    expect(delivered(c.ingest({ _: "updateShort", update: newMessage(13), date: 1 }, 0))).toEqual([]);
    expect(delivered(c.ingest({ _: "updateShort", update: newMessage(14), date: 1 }, 0))).toEqual([]);
    const body = { newEncryptedMessages: [], otherUpdates: [], chats: [], users: [] };
    const slice = applyDifference(
      boxes,
      {
        _: "updates.differenceSlice",
        newMessages: [message(11), message(12)],
        ...body,
        intermediateState: { _: "updates.state", pts: 12, qts: 5, date: 101, seq: 20, unreadCount: 0 },
      },
      "difference",
      0,
    );
    expect(slice.done).toBe(false);
    expect(delivered(slice.output)).toEqual(["m11", "m12"]);
    const rest = applyDifference(
      boxes,
      {
        _: "updates.difference",
        newMessages: [message(13)],
        ...body,
        state: { _: "updates.state", pts: 13, qts: 5, date: 102, seq: 20, unreadCount: 0 },
      },
      "difference",
      0,
    );
    expect(rest.done).toBe(true);
    expect(delivered(rest.output)).toEqual(["m13"]);
    // 13 came in the difference (dropped as a duplicate), 14 follows it.
    expect(delivered(endDifference(boxes, "difference", 0))).toEqual(["m14"]);
    expect(c.state).toMatchObject({ pts: 14, date: 102 });
  });

  it("a difference behind our state is reported", () => {
    const c = core();
    beginDifference(c.boxes);
    const step = applyDifference(
      c.boxes,
      {
        _: "updates.difference",
        newMessages: [],
        newEncryptedMessages: [],
        otherUpdates: [],
        chats: [],
        users: [],
        state: { _: "updates.state", pts: 3, qts: 5, date: 102, seq: 20, unreadCount: 0 },
      },
      "difference",
      0,
    );
    expect(step.output.problems[0]?.code).toBe("STATE_WENT_BACKWARDS");
  });
});
