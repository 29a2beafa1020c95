import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import type { TypeConfig, TypeNearestDc } from "@mtkit/tl-core/api";
import { apiRegistry } from "@mtkit/tl-core/api";
import {
  createAuthKeyOverTransport,
  RpcError,
  SessionDriver,
  SessionError,
  type HandshakeResult,
  type ResultOf,
} from "../src/index.js";
import { crypto, seededRandom } from "./helpers/env.js";
import { countingTimers } from "./helpers/counting-timers.js";
import { serverRsaKey } from "./helpers/handshake.js";
import { Harness } from "./helpers/harness.js";
import { PipeServer } from "./helpers/pipe-server.js";

const address = { dcId: 2, host: "pipe", port: 0 };

const drivers: SessionDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

async function connectedDriver(
  server: PipeServer,
  extra: Partial<ConstructorParameters<typeof SessionDriver>[0]> = {},
): Promise<{ driver: SessionDriver; key: HandshakeResult; timers: ReturnType<typeof countingTimers> }> {
  const env = { crypto, now: () => Date.now(), randomBytes: seededRandom(`driver-${drivers.length}`) };
  const handshakeTransport = server.pipe.createTransport();
  await handshakeTransport.connect(address);
  const key = await createAuthKeyOverTransport(handshakeTransport, {
    env,
    rsaKeys: [serverRsaKey().publicKey],
    dcId: 2,
  });
  await handshakeTransport.close();
  const timers = countingTimers();
  const driver = new SessionDriver({
    env,
    transport: server.pipe.createTransport(),
    address,
    authKey: key.authKey,
    serverSalt: key.serverSalt,
    timeOffsetMs: key.timeOffsetMs,
    apiRegistry,
    timers,
    backoff: { initialMs: 5, maxMs: 20 },
    ...extra,
  });
  drivers.push(driver);
  await driver.connect();
  return { driver, key, timers };
}

describe("ResultOf", () => {
  it("types a method by its result and a wrapper (invokeWithLayer, initConnection) by its query", () => {
    expectTypeOf<ResultOf<{ _: "help.getNearestDc" }>>().toEqualTypeOf<TypeNearestDc>();
    interface Wrapped {
      _: "invokeWithLayer";
      layer: 228;
      query: { _: "initConnection"; apiId: 1; query: { _: "help.getConfig" } };
    }
    expectTypeOf<ResultOf<Wrapped>>().toEqualTypeOf<TypeConfig>();
  });
});

describe("SessionDriver over the in-memory pipe transport", () => {
  it("creates a key, then resolves a typed result", async () => {
    const server = new PipeServer(new Harness("d1", { ms: 0, now: () => Date.now(), advance: () => undefined }));
    const { driver } = await connectedDriver(server);
    const dc = await driver.invoke({ _: "help.getNearestDc" });
    expect(dc).toEqual({ _: "nearestDc", country: "NL", thisDc: 2, nearestDc: 2 });
  });

  it("ping() resolves with the round-trip time when the pong arrives", async () => {
    const server = new PipeServer(new Harness("d-ping", { ms: 0, now: () => Date.now(), advance: () => undefined }));
    const { driver } = await connectedDriver(server);
    const rtts = await Promise.all([driver.ping(), driver.ping(), driver.ping()]);
    expect(rtts).toHaveLength(3);
    for (const rtt of rtts) expect(rtt).toBeGreaterThanOrEqual(0);
  });

  it("rejects with RpcError, times out with rpc_drop_answer, and aborts", async () => {
    const harness = new Harness("d2", { ms: 0, now: () => Date.now(), advance: () => undefined });
    const server = new PipeServer(harness);
    const { driver } = await connectedDriver(server);
    harness.handler = (_r, session, reqMsgId) => {
      session.sendError(reqMsgId, 400, "PEER_ID_INVALID");
    };
    await expect(driver.invoke({ _: "help.getNearestDc" })).rejects.toBeInstanceOf(RpcError);

    harness.handler = () => undefined; // never answers
    await expect(driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 30 })).rejects.toMatchObject({
      code: "TIMEOUT",
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(harness.serverEvents.some((e) => e.type === "request-dropped")).toBe(true);

    const controller = new AbortController();
    const pending = driver.invoke({ _: "help.getNearestDc" }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("reconnects after a dropped connection and resends without executing twice", async () => {
    const harness = new Harness("d3", { ms: 0, now: () => Date.now(), advance: () => undefined });
    const server = new PipeServer(harness);
    const { driver } = await connectedDriver(server);
    await driver.invoke({ _: "help.getNearestDc" }); // session established
    harness.executed.length = 0;
    server.dropConnectionAfterRequest = true;
    const dc = await driver.invoke({ _: "help.getNearestDc" });
    expect(dc).toMatchObject({ _: "nearestDc" });
    expect(harness.executed).toEqual(["help.getNearestDc"]);
    expect(server.links.length).toBeGreaterThanOrEqual(3); // handshake, first, reconnect
  });

  it("PFS: creates a permanent and a temporary key over the pipe and binds them", async () => {
    const harness = new Harness("d6", { ms: 0, now: () => Date.now(), advance: () => undefined });
    const server = new PipeServer(harness);
    const { key: perm } = await connectedDriver(server);
    const env = { crypto, now: () => Date.now(), randomBytes: seededRandom("d6-temp") };
    const t = server.pipe.createTransport();
    await t.connect(address);
    const temp = await createAuthKeyOverTransport(t, {
      env,
      rsaKeys: [serverRsaKey().publicKey],
      dcId: 2,
      expiresIn: 3600,
    });
    expect(temp.expiresAt).toBeGreaterThan(Date.now() / 1000);
    await t.close();
    const driver = new SessionDriver({
      env,
      transport: server.pipe.createTransport(),
      address,
      authKey: temp.authKey,
      serverSalt: temp.serverSalt,
      timeOffsetMs: temp.timeOffsetMs,
      apiRegistry,
    });
    drivers.push(driver);
    await driver.connect();
    await expect(driver.invoke({ _: "updates.getState" })).rejects.toMatchObject({
      errorMessage: "AUTH_KEY_PERM_EMPTY",
    });
    await expect(driver.bindTempAuthKey(perm.authKey, temp.expiresAt!)).resolves.toBe(true);
    expect(harness.keys.get(temp.authKey.idLong)?.boundPermKeyId).toBe(perm.authKey.idLong);
  });

  it("fails pending requests with AUTH_KEY_UNKNOWN on -404", async () => {
    const harness = new Harness("d4", { ms: 0, now: () => Date.now(), advance: () => undefined });
    const server = new PipeServer(harness);
    const { driver, key } = await connectedDriver(server);
    harness.keys.delete(key.authKey.idLong);
    await expect(driver.invoke({ _: "help.getNearestDc" })).rejects.toMatchObject({ code: "AUTH_KEY_UNKNOWN" });
  });

  it("request deadlines share one timer: a shorter one added later expires first, then the rest", async () => {
    const harness = new Harness("d-deadlines", { ms: 0, now: () => Date.now(), advance: () => undefined });
    harness.handler = () => undefined; // never answers
    const server = new PipeServer(harness);
    const { driver, timers } = await connectedDriver(server, { pingIntervalMs: 60_000 });
    let longSettled = false;
    // Settled into a value at once, so a failed assertion below leaves no unhandled rejection.
    const long = driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 60_000 }).then(
      () => "answered",
      (error: unknown) => {
        longSettled = true;
        return error;
      },
    );
    const middle = driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 80 }).catch((error: unknown) => error);
    await expect(driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 20 })).rejects.toMatchObject({
      code: "TIMEOUT",
    });
    const middleError = await middle;
    expect(middleError).toMatchObject({ code: "TIMEOUT" });
    expect(String(middleError)).toContain("within 80 ms");
    expect(longSettled).toBe(false);
    await driver.close();
    expect(await long).toMatchObject({ code: "CLOSED" });
    expect(timers.active.size).toBe(0);
  });

  it("timers without a clock give each request its own timeout", async () => {
    const harness = new Harness("d-noclock", { ms: 0, now: () => Date.now(), advance: () => undefined });
    harness.handler = () => undefined;
    const server = new PipeServer(harness);
    const timers = countingTimers({ clock: false });
    const { driver } = await connectedDriver(server, { timers });
    const long = driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 60_000 }).catch((error: unknown) => error);
    await expect(driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 20 })).rejects.toMatchObject({
      code: "TIMEOUT",
    });
    await driver.close();
    expect(await long).toMatchObject({ code: "CLOSED" });
    expect(timers.active.size).toBe(0);
  });

  it("close() rejects pending requests with CLOSED and leaves no timer running", async () => {
    const harness = new Harness("d5", { ms: 0, now: () => Date.now(), advance: () => undefined });
    harness.handler = () => undefined;
    const server = new PipeServer(harness);
    const { driver, timers } = await connectedDriver(server, { pingIntervalMs: 10 });
    const pending = driver.invoke({ _: "help.getNearestDc" });
    await driver.ping(); // answered by the server core even while API handlers stall; its timer is cleared
    await new Promise((r) => setTimeout(r, 40)); // a few keep-alive pings go out
    expect(harness.serverEvents.some((e) => e.type === "disconnect-delay")).toBe(true);
    await driver.close();
    await expect(pending).rejects.toBeInstanceOf(SessionError);
    expect(timers.active.size).toBe(0);
  });
});
