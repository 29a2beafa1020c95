import { describe, expect, it } from "vitest";
import type { ClientSession, ServerSession } from "../src/index.js";
import { Harness } from "./helpers/harness.js";

/** A client whose session is established, plus the server-side session object. */
function established(seed: string): { h: Harness; client: ClientSession; server: ServerSession } {
  const h = new Harness(seed);
  const client = h.client(h.handshake(`${seed}-c`));
  client.invoke({ _: "help.getNearestDc" });
  h.pump(client);
  return { h, client, server: h.sessions.get(client.state.authKey.idLong, client.state.sessionId)! };
}

/** Sends one request that the server does not answer, and returns its msg_id. */
function unanswered(h: Harness, client: ClientSession): { requestId: number; msgId: bigint } {
  const handler = h.handler;
  h.handler = () => undefined;
  const requestId = client.invoke({ _: "help.getNearestDc" });
  h.pump(client);
  h.handler = handler;
  const message = client.state.outbox.findByRequestId(requestId)!;
  return { requestId, msgId: message.msgId! };
}

function deliver(h: Harness, client: ClientSession): ReturnType<ClientSession["receive"]> {
  return h.conn.flush().flatMap((p) => client.receive(p));
}

describe("client reactions to server notices", () => {
  it("bad_msg 32/33 (seq_no) starts a new session and the request still completes", () => {
    for (const errorCode of [32, 33]) {
      const { h, client, server } = established(`seq${errorCode}`);
      const { requestId, msgId } = unanswered(h, client);
      const oldSession = client.state.sessionId;
      server.queueService({ _: "bad_msg_notification", badMsgId: msgId, badMsgSeqno: 1, errorCode }, false, true);
      deliver(h, client);
      expect(client.state.sessionId).not.toBe(oldSession);
      expect(h.pump(client)).toContainEqual(expect.objectContaining({ type: "result", requestId }));
    }
  });

  it("bad_msg 34/35 fixes content-relatedness, 64 sends outside a container", () => {
    const { h, client, server } = established("parity");
    const a = unanswered(h, client);
    server.queueService({ _: "bad_msg_notification", badMsgId: a.msgId, badMsgSeqno: 1, errorCode: 34 }, false, true);
    deliver(h, client);
    expect(client.state.outbox.findByRequestId(a.requestId)?.contentRelated).toBe(false);
    server.queueService({ _: "bad_msg_notification", badMsgId: a.msgId, badMsgSeqno: 0, errorCode: 35 }, false, true);
    deliver(h, client);
    const message = client.state.outbox.findByRequestId(a.requestId)!;
    expect(message.contentRelated).toBe(true);
    server.queueService({ _: "bad_msg_notification", badMsgId: a.msgId, badMsgSeqno: 0, errorCode: 64 }, false, true);
    deliver(h, client);
    expect(message.containable).toBe(false);
    expect(h.pump(client)).toContainEqual(expect.objectContaining({ type: "result", requestId: a.requestId }));
  });

  it("ignores notices about msg_ids it never sent", () => {
    const { h, client, server } = established("ghost");
    const before = client.state.sessionId;
    server.queueService({ _: "bad_msg_notification", badMsgId: 4n, badMsgSeqno: 1, errorCode: 32 }, false, true);
    server.queueService(
      { _: "bad_server_salt", badMsgId: 8n, badMsgSeqno: 1, errorCode: 48, newServerSalt: 99n },
      false,
      true,
    );
    deliver(h, client);
    expect(client.state.sessionId).toBe(before);
    expect(client.state.salts.current).not.toBe(99n);
  });

  it("msg_detailed_info for a lost answer triggers msg_resend_req and the answer arrives", () => {
    const { h, client, server } = established("detail");
    const requestId = client.invoke({ _: "help.getNearestDc" });
    for (const p of client.flush()) h.deliverToServer(p);
    h.conn.flush(); // the answer is lost on the way
    const message = client.state.outbox.findByRequestId(requestId)!;
    // The server tells us it answered; the answer's msg_id is the cached rpc_result's.
    const answerId = [...(server.answers as unknown as { sentIds: Map<bigint, bigint> }).sentIds.keys()].at(-1)!;
    server.queueService(
      { _: "msg_detailed_info", msgId: message.msgId!, answerMsgId: answerId, bytes: 40, status: 0 },
      false,
      false,
    );
    deliver(h, client);
    expect(h.pump(client)).toContainEqual(expect.objectContaining({ type: "result", requestId }));
    expect(h.executed.filter((n) => n === "help.getNearestDc")).toHaveLength(2); // the first call plus this one, never a third
  });

  it('msgs_all_info saying "not received" makes the client resend; msg_new_detailed_info of a received answer is re-acked', () => {
    const { h, client, server } = established("allinfo");
    const { requestId, msgId } = unanswered(h, client);
    h.executed.length = 0;
    server.queueService({ _: "msgs_all_info", msgIds: [msgId], info: Uint8Array.of(2) }, false, false);
    const events = deliver(h, client);
    expect(events).toContainEqual({ type: "msgs-state", msgIds: [msgId], info: Uint8Array.of(2) });
    expect(h.pump(client)).toContainEqual(expect.objectContaining({ type: "result", requestId }));
    expect(h.executed).toEqual(["help.getNearestDc"]);

    const seen = [...(client.state.replay as unknown as { ids: Set<bigint> }).ids].at(-1)!;
    server.queueService({ _: "msg_new_detailed_info", answerMsgId: seen, bytes: 16, status: 0 }, false, false);
    deliver(h, client);
    const [queued] = client.state.outbox.takeQueued();
    expect(queued?.contentRelated).toBe(false); // a msgs_ack, not a msg_resend_req
  });

  it("surfaces updates and undecodable objects", () => {
    const { h, client, server } = established("upd");
    server.sendUpdate({ _: "updatesTooLong" });
    server.queue(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), true, false);
    const events = deliver(h, client);
    expect(events).toContainEqual(expect.objectContaining({ type: "update", update: { _: "updatesTooLong" } }));
    expect(events).toContainEqual(expect.objectContaining({ type: "update", update: undefined }));
    expect(client.state.acks.size).toBe(2);
  });
});
