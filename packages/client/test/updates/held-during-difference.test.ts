// Pushes that arrive while a difference is being fetched wait, and come out once it is applied.
// A push sent after the server answered the difference is not in it: dropping it would lose it
// until the next event of its box (the secret message lost after a restart, issue 10).
import type { RawMessage, TypeUpdate, TypeUpdates } from "@mtkit/tl-core/api";
import { describe, expect, it } from "vitest";
import { applyDifference, beginDifference, endDifference } from "../../src/updates/apply-difference.js";
import type { CoreOutput } from "../../src/updates/update-batch.js";
import { UpdatesCore } from "../../src/updates/updates-core.js";

const state = { pts: 10, qts: 5, date: 100, seq: 20 };

function loaded(): UpdatesCore {
  const core = new UpdatesCore({ maxPending: 100, gapWaitMs: 500, selfId: () => 1000n });
  core.load(state, [], 0);
  return core;
}

const message = (id: number): RawMessage => ({
  _: "message",
  id,
  peerId: { _: "peerUser", userId: 2n },
  date: 1,
  message: "",
});
const encrypted = (qts: number): TypeUpdate => ({
  _: "updateNewEncryptedMessage",
  message: { _: "encryptedMessageService", randomId: BigInt(qts), chatId: 1, date: 1, bytes: new Uint8Array(40) },
  qts,
});
const newMessage = (pts: number): TypeUpdate => ({ _: "updateNewMessage", message: message(pts), pts, ptsCount: 1 });
const container = (update: TypeUpdate, seq: number): TypeUpdates => ({
  _: "updates",
  updates: [update],
  users: [],
  chats: [],
  date: 200,
  seq,
});
const names = (out: CoreOutput): string[] =>
  out.batches.flatMap((batch) =>
    batch.updates.map((u) => (u._ === "updateNewEncryptedMessage" ? `qts${u.qts}` : "pts" in u ? `pts${u.pts}` : u._)),
  );

/** A difference that changed nothing: the server answered before the pushed events happened. */
function applyNothingNew(core: UpdatesCore): void {
  applyDifference(
    core.boxes,
    {
      _: "updates.difference",
      newMessages: [],
      newEncryptedMessages: [],
      otherUpdates: [],
      chats: [],
      users: [],
      state: { _: "updates.state", ...state, unreadCount: 0 },
    },
    "difference",
    0,
  );
}

describe("pushes held while a difference is fetched", () => {
  it("seq 0 containers (qts and pts events) come out after the difference, none dropped", () => {
    const core = loaded();
    beginDifference(core.boxes);
    expect(names(core.ingest(container(encrypted(6), 0), 0))).toEqual([]);
    expect(names(core.ingest(container(newMessage(11), 0), 0))).toEqual([]);
    applyNothingNew(core);
    const released = endDifference(core.boxes, "difference", 0);
    expect(names(released)).toEqual(["qts6", "pts11"]);
    expect(released.batches.at(-1)?.commit.state).toMatchObject({ pts: 11, qts: 6 });
    expect(core.boxes.seq.gapSince).toBeUndefined();
  });

  it("seq-numbered containers after the difference's seq come out in order", () => {
    const core = loaded();
    beginDifference(core.boxes);
    core.ingest(container({ _: "updateEncryptedChatTyping", chatId: 1 }, 22), 0);
    core.ingest(container({ _: "updateEncryptedChatTyping", chatId: 2 }, 21), 0);
    core.ingest(container(encrypted(6), 0), 0);
    applyNothingNew(core);
    const released = endDifference(core.boxes, "difference", 0);
    expect(released.batches.flatMap((batch) => batch.updates.map((u) => u._))).toHaveLength(3);
    expect(core.state).toMatchObject({ seq: 22, qts: 6 });
  });
});
