import { describe, expect, it } from "vitest";
import { codec, rawSend, serverSetup as setup, TWO_32, type Obj } from "./helpers/server-wire.js";

const badMsg = (objects: Obj[]): unknown => objects.find((o) => o._ === "bad_msg_notification")?.errorCode;

describe("server role: checks on client messages", () => {
  it("answers bad_msg_notification 18 / 16 / 17 / 34 / 35", () => {
    const { h, client, now } = setup("srv");
    const ping = { _: "ping", pingId: 1n };
    expect(badMsg(rawSend(h, client, { msgId: now + 1n, seqNo: 1, body: ping }))).toBe(18);
    expect(badMsg(rawSend(h, client, { msgId: now - 400n * TWO_32, seqNo: 1, body: ping }))).toBe(16);
    expect(badMsg(rawSend(h, client, { msgId: now + 60n * TWO_32, seqNo: 1, body: ping }))).toBe(17);
    expect(
      badMsg(
        rawSend(h, client, {
          msgId: now + 400n,
          seqNo: 3,
          body: { _: "msgs_state_info", reqMsgId: 1n, info: new Uint8Array(1) },
        }),
      ),
    ).toBe(34);
    // An odd msgs_ack is tolerated, as Telegram does (mtcute sends them).
    expect(
      badMsg(rawSend(h, client, { msgId: now + 600n, seqNo: 3, body: { _: "msgs_ack", msgIds: [] } })),
    ).toBeUndefined();
    expect(badMsg(rawSend(h, client, { msgId: now + 800n, seqNo: 4, body: ping }))).toBe(35);
    // A valid one still works afterwards.
    expect(rawSend(h, client, { msgId: now + 1200n, seqNo: 5, body: ping }).map((o) => o._)).toContain("pong");
  });

  it("answers 32 / 33 when seq_no goes against msg_id order, and accepts a late older message", () => {
    // Seq nos above the setup's (help.getNearestDc took 1) so the first ping fits the order.
    const { h, client, now } = setup("order");
    const ping = { _: "ping", pingId: 1n };
    const answered = (objects: Obj[]): boolean => objects.some((o) => o._ === "pong");
    expect(answered(rawSend(h, client, { msgId: now + 400n, seqNo: 11, body: ping }))).toBe(true);
    // Newer msg_id, lower seq_no; newer msg_id, the same odd seq_no: too low.
    expect(badMsg(rawSend(h, client, { msgId: now + 800n, seqNo: 9, body: ping }))).toBe(32);
    expect(badMsg(rawSend(h, client, { msgId: now + 804n, seqNo: 11, body: ping }))).toBe(32);
    // Older msg_id, higher seq_no; older msg_id, the same odd seq_no: too high.
    expect(badMsg(rawSend(h, client, { msgId: now + 200n, seqNo: 13, body: ping }))).toBe(33);
    expect(badMsg(rawSend(h, client, { msgId: now + 204n, seqNo: 11, body: ping }))).toBe(33);
    // An older message with a lower seq_no arriving late is in order, and so are the next ones.
    expect(answered(rawSend(h, client, { msgId: now + 208n, seqNo: 9, body: ping }))).toBe(true);
    expect(answered(rawSend(h, client, { msgId: now + 1200n, seqNo: 13, body: ping }))).toBe(true);
    // Two not-content-related messages may share an even seq_no.
    const stateInfo = { _: "msgs_state_info", reqMsgId: 1n, info: new Uint8Array(1) };
    expect(badMsg(rawSend(h, client, { msgId: now + 1600n, seqNo: 14, body: stateInfo }))).toBeUndefined();
    expect(badMsg(rawSend(h, client, { msgId: now + 2000n, seqNo: 14, body: stateInfo }))).toBeUndefined();
    // Rejected messages are not recorded: the next in-order message is still accepted.
    expect(answered(rawSend(h, client, { msgId: now + 2400n, seqNo: 15, body: ping }))).toBe(true);
  });

  it("answers a wrong salt with bad_server_salt carrying the current salt", () => {
    const { h, client, now } = setup("salt");
    const objects = rawSend(h, client, { msgId: now + 400n, seqNo: 1, salt: 12345n, body: { _: "ping", pingId: 1n } });
    const notice = objects.find((o) => o._ === "bad_server_salt")!;
    expect(notice.errorCode).toBe(48);
    expect(notice.newServerSalt).toBe(h.salts.current(Math.floor(h.clock.ms / 1000)));
  });

  it("ignores a replayed request but re-sends its cached answer", () => {
    const { h, client, now } = setup("dup");
    const request = { msgId: now + 400n, seqNo: 101, body: { _: "help.getNearestDc" } };
    const first = rawSend(h, client, request);
    const again = rawSend(h, client, request);
    expect(first.filter((o) => o._ === "rpc_result")).toHaveLength(1);
    expect(again.filter((o) => o._ === "rpc_result")).toHaveLength(1);
    expect(h.executed).toEqual(["help.getNearestDc", "help.getNearestDc"]); // setup + first, not the replay
  });

  it("answers msgs_state_req with one status byte per id", () => {
    const { h, client, now } = setup("state");
    const known = now + 400n;
    rawSend(h, client, { msgId: known, seqNo: 101, body: { _: "ping", pingId: 1n } });
    const objects = rawSend(h, client, {
      msgId: now + 800n,
      seqNo: 102,
      body: { _: "msgs_state_req", msgIds: [known, 4n] },
    });
    const info = objects.find((o) => o._ === "msgs_state_info")!;
    expect([...(info.info as Uint8Array)]).toEqual([4, 1]);
  });
});

describe("server role: msg_copy", () => {
  it("processes the original message inside msg_copy", () => {
    const { h, client, now } = setup("copy");
    const inner = codec.encode({ _: "ping", pingId: 9n });
    const copy = new Uint8Array(20 + inner.length);
    const view = new DataView(copy.buffer);
    view.setUint32(0, 0xe06046b2, true);
    view.setBigInt64(4, now + 400n, true);
    view.setInt32(12, 101, true);
    view.setInt32(16, inner.length, true);
    copy.set(inner, 20);
    const objects = rawSend(h, client, { msgId: now + 800n, seqNo: 2, body: copy });
    expect(objects.find((o) => o._ === "pong")).toMatchObject({ pingId: 9n, msgId: now + 400n });
  });
});
