import { afterEach, describe, expect, it } from "vitest";
import { apiRegistry } from "@mtkit/tl-core/api";
import {
  createAuthKeyOverTransport,
  SessionDriver,
  type SessionDriverEvent,
  type SessionDriverOptions,
} from "../src/index.js";
import { crypto, seededRandom } from "./helpers/env.js";
import { countingTimers } from "./helpers/counting-timers.js";
import { serverRsaKey } from "./helpers/handshake.js";
import { Harness } from "./helpers/harness.js";
import { ManualTimers } from "./helpers/manual-timers.js";
import { TcpSessionServer } from "./helpers/tcp-session-server.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  readonly server: TcpSessionServer;
  readonly driver: SessionDriver;
  readonly events: SessionDriverEvent[];
  /** help.getNearestDc executions on the server. */
  readonly runs: () => number;
}

/** A TCP server, a key made over its own connection, and a driver connected with `options`. */
async function setup(
  seed: string,
  options: Partial<SessionDriverOptions<unknown>> = {},
  now: () => number = Date.now,
): Promise<Setup> {
  const harness = new Harness(seed, { ms: 0, now: () => Date.now(), advance: () => undefined });
  const server = await TcpSessionServer.start(harness);
  cleanups.push(() => server.close());
  const env = { crypto, now, randomBytes: seededRandom(`${seed}-client`) };
  const handshake = server.transport();
  await handshake.connect(server.address);
  const key = await createAuthKeyOverTransport(handshake, { env, rsaKeys: [serverRsaKey().publicKey], dcId: 2 });
  await handshake.close();
  const events: SessionDriverEvent[] = [];
  const driver = new SessionDriver({
    env,
    transport: server.transport(),
    address: server.address,
    authKey: key.authKey,
    serverSalt: key.serverSalt,
    timeOffsetMs: key.timeOffsetMs,
    apiRegistry,
    requestTimeoutMs: 20_000,
    backoff: { initialMs: 5, maxMs: 20 },
    onEvent: (event) => events.push(event),
    ...options,
  });
  cleanups.push(() => driver.close());
  await driver.connect();
  await driver.invoke({ _: "help.getNearestDc" }); // the session exists on the server
  const runs = () => harness.executed.filter((name) => name === "help.getNearestDc").length;
  return { server, driver, events, runs };
}

const types = (events: readonly SessionDriverEvent[]): string[] => events.map((event) => event.type);

describe("SessionDriver liveness over real TCP", () => {
  it("a connection that goes silent mid-request is found dead, and the request completes exactly once on a new one", async () => {
    const timers = countingTimers();
    const { server, driver, events, runs } = await setup("live-1", { deadConnectionTimeoutMs: 600, timers });
    server.silenceOnNextRequest = true; // this request runs, its answer never arrives
    const result = await driver.invoke({ _: "help.getNearestDc" });
    expect(result).toMatchObject({ _: "nearestDc" });
    expect(runs()).toBe(2); // the setup's call and this one: the resend was answered from the server's cache
    expect(server.unansweredPackets).toBeGreaterThanOrEqual(1); // at least one probe ping after the request
    const dead = events.find((event) => event.type === "connection-dead");
    expect(dead).toMatchObject({ type: "connection-dead" });
    expect(events).toContainEqual({ type: "reconnecting", reason: "dead" });
    expect(server.links.length).toBeGreaterThanOrEqual(3); // handshake, the silent one, the new one
    await driver.close();
    expect(timers.active.size).toBe(0);
  });

  it("an idle connection that goes silent is found dead through the keep-alive ping", async () => {
    const { server, driver, events } = await setup("live-2", { deadConnectionTimeoutMs: 600, pingIntervalMs: 100 });
    const linksBefore = server.links.length;
    server.silenceOpenConnections();
    await expect.poll(() => types(events), { timeout: 10_000 }).toContain("connection-dead");
    await expect.poll(() => server.links.length, { timeout: 10_000 }).toBeGreaterThan(linksBefore);
    await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
  });

  it("reconnect() with requests in flight: every request completes, each runs once", async () => {
    const { server, driver, events, runs } = await setup("live-3");
    const held: (() => void)[] = [];
    server.harness.handler = (request, session, reqMsgId) => {
      if (request._ !== "help.getNearestDc") return;
      held.push(() => {
        session.sendResult(reqMsgId, { _: "nearestDc", country: "NL", thisDc: 2, nearestDc: held.length });
        server.deliver(session);
      });
    };
    const calls = Array.from({ length: 5 }, () => driver.invoke({ _: "help.getNearestDc" }));
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(5); // all five run on the server, unanswered
    const linksBefore = server.links.length;
    await driver.reconnect("network changed");
    expect(server.links.length).toBe(linksBefore + 1);
    expect(events).toContainEqual({ type: "reconnecting", reason: "network changed" });
    await expect
      .poll(() => server.harness.serverEvents.filter((e) => e.type === "request").length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(6);
    for (const answer of held.splice(0)) answer();
    const results = await Promise.all(calls);
    expect(results).toHaveLength(5);
    for (const result of results) expect(result).toMatchObject({ _: "nearestDc" });
    expect(runs()).toBe(6); // the setup's call and the five: the resends found them running
  });

  it("a clock jump (sleep) pings at once, and reconnects when that ping is not answered", async () => {
    const timers = new ManualTimers();
    const { server, driver, events } = await setup("live-4", { timers, deadConnectionTimeoutMs: 15_000 }, timers.now);
    server.silenceOpenConnections(); // the socket died while the machine slept
    const linksBefore = server.links.length;
    timers.advance(1000); // the ack of the setup's answer leaves
    await expect.poll(() => server.unansweredPackets, { timeout: 10_000 }).toBe(1);
    timers.jump(10 * 60_000);
    timers.advance(4000); // the watchdog's next tick, ten minutes late by the wall clock
    expect(events.find((event) => event.type === "connection-suspect")).toMatchObject({ lateMs: 10 * 60_000 });
    // The ping went out at once (its msg_id comes from the jumped clock; the server reads it and stays silent).
    await expect.poll(() => server.unansweredPackets, { timeout: 10_000 }).toBe(2);
    expect(types(events)).not.toContain("connection-dead");
    timers.advance(5000); // the short deadline (a third of the timeout) passes in silence
    expect(types(events)).toContain("connection-dead");
    await expect.poll(() => server.links.length, { timeout: 10_000 }).toBe(linksBefore + 1);
    // The new connection works (the first answer is a bad_msg 17 from the jumped clock: the session resyncs).
    await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
    await driver.close();
    expect(timers.pending).toBe(0);
  });
});
