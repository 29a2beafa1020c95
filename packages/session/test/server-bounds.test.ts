import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_SESSIONS_PER_KEY,
  ServerSessionStore,
  type ServerEvent,
  type ServerSession,
} from "../src/index.js";
import { Harness } from "./helpers/harness.js";
import { rawSend, sealRaw, serverObjects, serverSetup, type Obj } from "./helpers/server-wire.js";

const ping = { _: "ping", pingId: 7n };
const names = (objects: Obj[]): string[] => objects.map((o) => o._);
const evictedIds = (events: ServerEvent[]): bigint[] =>
  events.flatMap((e) => (e.type === "session-evicted" ? [e.session.sessionId] : []));

describe("server role: the session store is bounded", () => {
  it("10,000 session_ids on one key: the store stays at the bound, the newest work, an evicted one starts over", () => {
    const { h, client, now } = serverSetup("flood");
    const keyId = client.state.authKey.idLong;
    let evicted = 0;
    let msgId = now;
    for (let i = 1; i <= 10_000; i++) {
      msgId += 4n;
      evicted += evictedIds(
        h.deliverToServer(sealRaw(client, { sessionId: BigInt(i), msgId, seqNo: 1, body: ping })),
      ).length;
      h.conn.flush();
    }
    expect(h.sessions.size).toBe(DEFAULT_MAX_SESSIONS_PER_KEY);
    expect(h.sessions.countFor(keyId)).toBe(DEFAULT_MAX_SESSIONS_PER_KEY);
    expect(evicted).toBe(10_000 + 1 - DEFAULT_MAX_SESSIONS_PER_KEY); // the set-up's own session went too
    expect(h.conn.sessions.length).toBe(DEFAULT_MAX_SESSIONS_PER_KEY); // the connection lets go of evicted ones

    // The newest session carries on: a pong, no new session.
    const newest = rawSend(h, client, { sessionId: 10_000n, msgId: (msgId += 4n), seqNo: 3, body: ping });
    expect(names(newest)).toContain("pong");
    expect(names(newest)).not.toContain("new_session_created");
    // An evicted one is a new session, as if the server had never seen it.
    const firstMsgId = msgId + 4n;
    const revived = rawSend(h, client, { sessionId: 1n, msgId: firstMsgId, seqNo: 3, body: ping });
    expect(revived.find((o) => o._ === "new_session_created")).toMatchObject({ firstMsgId });
    expect(names(revived)).toContain("pong");
    expect(h.sessions.size).toBe(DEFAULT_MAX_SESSIONS_PER_KEY);

    // The real client, whose session was evicted first, is told and still gets its answer.
    client.invoke({ _: "help.getNearestDc" });
    const types = h.pump(client).map((e) => e.type);
    expect(types).toContain("new-session");
    expect(types).toContain("result");
  });

  it("evicts the least recently used session, per key and across keys", () => {
    const h = new Harness("lru", undefined, { maxSessionsPerKey: 3, maxSessions: 4 });
    const a = h.client(h.handshake("lru-a"), "a");
    const b = h.client(h.handshake("lru-b"), "b");
    const now = BigInt(Math.floor(h.clock.ms / 1000)) * 2n ** 32n;
    let msgId = now;
    const send = (client: typeof a, sessionId: bigint): bigint[] =>
      evictedIds(h.deliverToServer(sealRaw(client, { sessionId, msgId: (msgId += 4n), seqNo: 1, body: ping })));
    for (const id of [1n, 2n, 3n]) expect(send(a, id)).toEqual([]);
    send(a, 1n); // 1 is used again: 2 is now the key's least recently used
    expect(send(a, 4n)).toEqual([2n]);
    expect(send(b, 11n)).toEqual([]);
    expect(send(b, 12n)).toEqual([3n]); // five sessions in all: the oldest of any key goes
    expect(h.sessions.values().map((s) => s.sessionId)).toEqual([1n, 4n, 11n, 12n]);
  });

  it("a forgotten session sends nothing more: a late result is dropped, the request starts over", () => {
    const { h, client, now } = serverSetup("late", { maxSessionsPerKey: 1 });
    let held: { session: ServerSession; reqMsgId: bigint } | undefined;
    h.handler = (request, session, reqMsgId) => {
      if (request._ === "help.getConfig") held = { session, reqMsgId };
    };
    rawSend(h, client, { msgId: now + 400n, seqNo: 101, body: { _: "help.getConfig" } });
    expect(held).toBeDefined();
    const evicted = evictedIds(
      h.deliverToServer(sealRaw(client, { sessionId: 99n, msgId: now + 800n, seqNo: 1, body: ping })),
    );
    expect(evicted).toEqual([client.state.sessionId]);
    held!.session.sendResult(held!.reqMsgId, { _: "nearestDc", country: "NL", thisDc: 2, nearestDc: 2 });
    expect(held!.session.closed).toBe(true);
    expect(held!.session.flush()).toEqual([]);
    expect(h.conn.flush().length).toBe(1); // only session 99's new_session_created and pong
    // The same request again (same msg_id): a new session, and it runs again instead of being ignored.
    const again = rawSend(h, client, { msgId: now + 400n, seqNo: 101, body: { _: "help.getConfig" } });
    expect(names(again)).toContain("new_session_created");
    expect(h.executed.filter((name) => name === "help.getConfig")).toHaveLength(2);
  });

  it("rejects limits that are not positive integers", () => {
    expect(() => new ServerSessionStore({ maxSessions: 0 })).toThrow(RangeError);
    expect(() => new ServerSessionStore({ maxSessionsPerKey: 1.5 })).toThrow(RangeError);
    expect(() => new ServerSessionStore({ answers: { maxBytes: -1 } })).toThrow(RangeError);
  });
});

describe("server role: cached answers are bounded", () => {
  const requests = (count: number, now: bigint) =>
    Array.from({ length: count }, (_, i) => ({
      msgId: now + 400n + 4n * BigInt(i),
      seqNo: 101 + 2 * i,
      body: { _: "help.getNearestDc" },
    }));
  const resentResults = (objects: Obj[]): number => objects.filter((o) => o._ === "rpc_result").length;

  it("keeps at most maxAnswers unacknowledged answers, the newest", () => {
    const { h, client, now } = serverSetup("count", { answers: { maxAnswers: 4 } });
    const sent = requests(10, now);
    for (const request of sent) rawSend(h, client, request);
    const session = h.sessions.get(client.state.authKey.idLong, client.state.sessionId)!;
    expect(session.answers.size).toBe(4);
    expect(resentResults(rawSend(h, client, sent[9]!))).toBe(1); // a resend of the newest: from the cache
    expect(resentResults(rawSend(h, client, sent[0]!))).toBe(0); // the oldest was let go
  });

  it("keeps their total size under maxBytes", () => {
    const { h, client, now } = serverSetup("bytes", { answers: { maxBytes: 64 } });
    for (const request of requests(10, now)) rawSend(h, client, request);
    const session = h.sessions.get(client.state.authKey.idLong, client.state.sessionId)!;
    expect(session.answers.bytes).toBeLessThanOrEqual(64);
    expect(session.answers.size).toBe(2); // rpc_result + nearestDc "NL" is 28 bytes
  });
});

describe("server role: http_wait", () => {
  const httpWait = { _: "http_wait", maxDelay: 0, waitAfter: 0, maxWait: 25_000 };
  const types = (events: ServerEvent[]): string[] => events.map((e) => e.type);

  it("is accepted with either parity and sends what is pending at once, acks included", () => {
    const { h, client, now } = serverSetup("wait");
    // help.getConfig is not answered by the harness: only an ack is pending, too few to send alone.
    const request = now + 400n;
    expect(
      types(h.deliverToServer(sealRaw(client, { msgId: request, seqNo: 101, body: { _: "help.getConfig" } }))),
    ).not.toContain("flush-needed");
    expect(types(h.deliverToServer(sealRaw(client, { msgId: now + 800n, seqNo: 102, body: httpWait })))).toContain(
      "flush-needed",
    );
    const sent = serverObjects(client, h.conn.flush());
    expect(sent.find((o) => o._ === "msgs_ack")?.msgIds).toEqual([request]);
    // Odd (content-related) as some clients send it: no bad_msg_notification 34, just its ack.
    const odd = rawSend(h, client, { msgId: now + 1200n, seqNo: 103, body: httpWait });
    expect(names(odd)).toEqual(["msgs_ack"]);
  });

  it("delivers answers computed while the client was away", () => {
    const { h, client, now } = serverSetup("away");
    let held: { session: ServerSession; reqMsgId: bigint } | undefined;
    h.handler = (request, session, reqMsgId) => {
      if (request._ === "help.getConfig") held = { session, reqMsgId };
    };
    rawSend(h, client, { msgId: now + 400n, seqNo: 101, body: { _: "help.getConfig" } });
    h.conn.detach();
    held!.session.sendError(held!.reqMsgId, 500, "LATE");
    h.newConnection();
    const events = h.deliverToServer(sealRaw(client, { msgId: now + 800n, seqNo: 102, body: httpWait }));
    expect(types(events)).toContain("flush-needed");
    expect(names(serverObjects(client, h.conn.flush()))).toContain("rpc_result");
  });
});
