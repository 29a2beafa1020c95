import { describe, expect, it } from "vitest";
import { RpcError } from "../src/index.js";
import { Harness } from "./helpers/harness.js";

const results = (events: readonly { type: string }[]): unknown[] =>
  events.flatMap((e) => ("result" in e ? [e.result] : []));

describe("encrypted session, client role <-> server role", () => {
  it("runs an RPC round trip, reports new_session_created, and acks", () => {
    const h = new Harness("rt");
    const key = h.handshake("rt-c");
    const client = h.client(key);
    const id = client.invoke({ _: "help.getNearestDc" });
    const events = h.pump(client);
    expect(events).toContainEqual({
      type: "result",
      requestId: id,
      result: { _: "nearestDc", country: "NL", thisDc: 2, nearestDc: 2 },
    });
    expect(events.some((e) => e.type === "new-session")).toBe(true);
    expect(h.serverEvents.some((e) => e.type === "session-created")).toBe(true);
    expect(h.executed).toEqual(["help.getNearestDc"]);
    // Our acks for the server's content-related messages went out in the pump.
    expect(client.state.acks.size).toBe(0);
    expect(client.pendingCount).toBe(0);
  });

  it("packs several requests into one container and answers them all", () => {
    const h = new Harness("ct");
    const client = h.client(h.handshake("ct-c"));
    const ids = [1, 2, 3].map(() => client.invoke({ _: "help.getNearestDc" }));
    const packets = client.flush();
    expect(packets).toHaveLength(1);
    for (const p of packets) h.deliverToServer(p);
    const events = h.conn.flush().flatMap((p) => client.receive(p));
    expect(
      events
        .filter((e) => e.type === "result")
        .map((e) => (e as { requestId: number }).requestId)
        .sort(),
    ).toEqual(ids);
  });

  it("gzips a large answer and decodes it", () => {
    const h = new Harness("gz");
    h.handler = (_request, session, reqMsgId) => {
      session.sendResult(reqMsgId, { _: "nearestDc", country: "NL".repeat(4000), thisDc: 2, nearestDc: 2 });
    };
    const client = h.client(h.handshake("gz-c"));
    client.invoke({ _: "help.getNearestDc" });
    let biggest = 0;
    const events = [];
    for (const p of client.flush()) h.deliverToServer(p);
    for (const p of h.conn.flush()) {
      biggest = Math.max(biggest, p.length);
      events.push(...client.receive(p));
    }
    expect(biggest).toBeLessThan(2000); // 8000 bytes of country went out compressed
    expect((results(events)[0] as { country: string }).country).toHaveLength(8000);
  });

  it("turns rpc_error into a typed RpcError", () => {
    const h = new Harness("er");
    h.handler = (_r, session, reqMsgId) => {
      session.sendError(reqMsgId, 420, "FLOOD_WAIT_42");
    };
    const client = h.client(h.handshake("er-c"));
    const id = client.invoke({ _: "help.getNearestDc" });
    const error = h.pump(client).find((e) => e.type === "rpc-error");
    expect(error).toMatchObject({ type: "rpc-error", requestId: id });
    const rpc = (error as { error: RpcError }).error;
    expect(rpc).toBeInstanceOf(RpcError);
    expect([rpc.errorCode, rpc.type, rpc.argument]).toEqual([420, "FLOOD_WAIT", 42]);
  });

  it("answers ping, get_future_salts, msgs_state_req and destroy_session", () => {
    const h = new Harness("svc");
    const key = h.handshake("svc-c");
    const other = h.client(key, "svc-other");
    other.invoke({ _: "help.getNearestDc" });
    h.pump(other);
    const client = h.client(key);
    client.ping(77n);
    client.getFutureSalts(3);
    client.destroySession(other.state.sessionId);
    client.requestState([123n]);
    const events = h.pump(client);
    expect(events).toContainEqual(expect.objectContaining({ type: "pong", pingId: 77n }));
    const salts = events.find((e) => e.type === "future-salts");
    expect(salts).toMatchObject({ type: "future-salts" });
    expect(salts?.type === "future-salts" ? salts.salts : []).toHaveLength(3);
    expect(events).toContainEqual({ type: "session-destroyed", sessionId: other.state.sessionId, existed: true });
    expect(events.some((e) => e.type === "msgs-state")).toBe(true);
  });

  it("recovers from bad_server_salt by resending with the new salt", () => {
    const h = new Harness("salt");
    const key = h.handshake("salt-c");
    const client = h.client(key, "salt-client", { serverSalt: 42n });
    const id = client.invoke({ _: "help.getNearestDc" });
    const events = h.pump(client);
    expect(results(events)).toHaveLength(1);
    expect(events.find((e) => e.type === "result")).toMatchObject({ requestId: id });
    expect(client.state.salts.current).not.toBe(42n);
    expect(h.executed).toHaveLength(1);
  });

  it("recovers from a skewed clock (bad_msg_notification 16/17) by resyncing", () => {
    for (const skewMs of [-600_000, 600_000]) {
      const h = new Harness(`skew${skewMs}`);
      const key = h.handshake("skew-c");
      const client = h.client(key, "skew-client", { timeOffsetMs: skewMs });
      client.invoke({ _: "help.getNearestDc" });
      const events = h.pump(client);
      expect(results(events)).toHaveLength(1);
      expect(Math.abs(client.state.clock.timeOffsetMs)).toBeLessThan(2000);
    }
  });

  it("cancels a running request with rpc_drop_answer", () => {
    const h = new Harness("drop");
    h.handler = () => undefined; // never answers
    const client = h.client(h.handshake("drop-c"));
    const id = client.invoke({ _: "help.getNearestDc" });
    h.pump(client);
    client.cancel(id);
    const events = h.pump(client);
    expect(events).toContainEqual({ type: "drop-answer", requestId: id, outcome: "running" });
    expect(h.serverEvents.some((e) => e.type === "request-dropped")).toBe(true);
  });

  it("after a lost answer and a reconnect, resends with the same msg_id and never executes twice", () => {
    const h = new Harness("rc");
    const client = h.client(h.handshake("rc-c"));
    const id = client.invoke({ _: "help.getNearestDc" });
    h.pump(client, { dropAnswers: true, rounds: 1 }); // executed, answer lost with the connection
    expect(h.executed).toHaveLength(1);
    h.newConnection();
    client.reconnected();
    const events = h.pump(client);
    expect(results(events)).toHaveLength(1);
    expect(events.find((e) => e.type === "result")).toMatchObject({ requestId: id });
    expect(h.executed).toHaveLength(1);
  });

  it("binds a temporary key to the permanent key (auth.bindTempAuthKey, MTProto 1.0 inner message)", () => {
    const h = new Harness("pfs");
    const perm = h.handshake("pfs-perm");
    const temp = h.handshake("pfs-temp", 3600);
    h.handler = (request, session, reqMsgId) => {
      session.sendResult(reqMsgId, { _: "nearestDc", country: request._, thisDc: 2, nearestDc: 2 });
    };
    const client = h.client(temp);
    // Before binding only a few methods may run on a temporary key.
    const early = client.invoke({ _: "updates.getState" });
    const allowed = client.invoke({ _: "invokeWithLayer", layer: 228, query: { _: "help.getNearestDc" } });
    const before = h.pump(client);
    expect(before.find((e) => e.type === "rpc-error" && e.requestId === early)).toMatchObject({
      error: { errorCode: 401, errorMessage: "AUTH_KEY_PERM_EMPTY" },
    });
    expect(before.find((e) => e.type === "result" && e.requestId === allowed)).toBeDefined();

    const id = client.bindTempAuthKey(perm.authKey, temp.expiresAt!);
    const events = h.pump(client);
    expect(events).toContainEqual({ type: "result", requestId: id, result: true });
    const after = client.invoke({ _: "updates.getState" });
    expect(h.pump(client).find((e) => e.type === "result" && e.requestId === after)).toBeDefined();
    expect(h.keys.get(temp.authKey.idLong)?.boundPermKeyId).toBe(perm.authKey.idLong);
    expect(h.serverEvents.some((e) => e.type === "temp-key-bound")).toBe(true);
  });

  it("refuses a binding for a permanent key the server does not have", () => {
    const h = new Harness("pfs2");
    const fake = h.handshake("pfs2-perm");
    h.keys.delete(fake.authKey.idLong);
    const temp = h.handshake("pfs2-temp", 3600);
    const client = h.client(temp);
    client.bindTempAuthKey(fake.authKey, temp.expiresAt!);
    const error = h.pump(client).find((e) => e.type === "rpc-error") as { error: RpcError } | undefined;
    expect(error?.error.errorMessage).toBe("ENCRYPTED_MESSAGE_INVALID");
  });

  it("destroy_auth_key: answered under the key, then the key is gone (-404)", () => {
    const h = new Harness("dak");
    const key = h.handshake("dak-c");
    const client = h.client(key);
    client.destroyAuthKey();
    expect(h.pump(client)).toContainEqual({ type: "auth-key-destroyed", result: "destroy_auth_key_ok" });
    client.invoke({ _: "help.getNearestDc" });
    const events = client.flush().flatMap((p) => h.deliverToServer(p));
    expect(events).toContainEqual({ type: "auth-key-unknown", authKeyId: key.authKey.idLong });
  });

  it("signals -404 for an unknown or expired auth key", () => {
    const h = new Harness("404");
    const temp = h.handshake("404-temp", 60);
    const client = h.client(temp);
    client.invoke({ _: "help.getNearestDc" });
    h.clock.advance(61_000);
    const events = client.flush().flatMap((p) => h.deliverToServer(p));
    expect(events).toContainEqual({ type: "auth-key-unknown", authKeyId: temp.authKey.idLong });
  });
});
