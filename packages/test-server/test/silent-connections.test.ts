import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { createKey, openDriver, type ClientEvent } from "./helpers/mtkit-client.js";

const nearest = (dcId: number) => ({ _: "nearestDc" as const, country: "ZZ", thisDc: dcId, nearestDc: dcId });

describe("silent connections (blackhole knobs), seen through mtkit's session driver", () => {
  let server: TestServer;
  let calls = 0;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterEach(() => {
    server.faults.clear();
    calls = 0;
    server.handle("help.getNearestDc", (_request, ctx) => {
      calls++;
      return nearest(ctx.dcId);
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("silenced mid-call: the driver finds the connection dead, reconnects, and the call resolves having run once", async () => {
    const events: ClientEvent[] = [];
    const driver = await openDriver(server, await createKey(server), { deadConnectionTimeoutMs: 600, onEvent: (event) => events.push(event) });
    try {
      await driver.invoke({ _: "help.getNearestDc" });
      let runs = 0;
      server.handle("help.getNearestDc", (_request, ctx) => {
        runs++;
        server.faults.silenceConnections(); // this answer, and everything after it on this connection, is lost
        return nearest(ctx.dcId);
      });
      const answer = await driver.invoke({ _: "help.getNearestDc" });
      expect(answer).toMatchObject({ _: "nearestDc", thisDc: 1 });
      expect(runs).toBe(1); // the resend on the new connection was answered from the session's cache
      expect(events.map((event) => event.type)).toContain("connection-dead");
    } finally {
      await driver.close();
    }
  });

  it("blackholes the next connection after its first packets; the driver moves to a new one", async () => {
    const key = await createKey(server);
    server.faults.blackholeNextConnectionAfter(1); // the first encrypted packet is answered, the rest is not
    const events: ClientEvent[] = [];
    const driver = await openDriver(server, key, { deadConnectionTimeoutMs: 600, onEvent: (event) => events.push(event) });
    try {
      await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
      await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
      expect(calls).toBe(2);
      expect(events.map((event) => event.type)).toContain("connection-dead");
    } finally {
      await driver.close();
    }
  });

  it("a silent connection reads but never answers, and stays open past ping_delay_disconnect's delay", async () => {
    const driver = await openDriver(server, await createKey(server), { deadConnectionTimeoutMs: 60_000 });
    try {
      await driver.invoke({ _: "help.getNearestDc" });
      const open = server.dc(1).connectionCount;
      server.faults.silenceConnections();
      driver.session.pingDelayDisconnect(1); // "close me 1 s after this": a silent connection ignores it
      await expect(driver.ping({ timeoutMs: 2500 })).rejects.toMatchObject({ code: "TIMEOUT" });
      expect(server.dc(1).connectionCount).toBe(open);
    } finally {
      await driver.close();
    }
  });
});
