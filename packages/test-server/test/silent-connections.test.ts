import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { createKey, openDriver, type ClientEvent } from "./helpers/mtkit-client.js";
import { countNearestDcRuns } from "./helpers/nearest-dc.js";

describe("silent connections (blackhole knobs), seen through mtkit's session driver", () => {
  let server: TestServer;
  let counter: { readonly runs: number };
  beforeAll(async () => {
    server = await TestServer.start();
    counter = countNearestDcRuns(server);
  });
  afterEach(() => {
    server.faults.clear();
    counter = countNearestDcRuns(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it("silenced mid-call: the driver finds the connection dead, reconnects, and the call resolves having run once", async () => {
    const events: ClientEvent[] = [];
    const driver = await openDriver(server, await createKey(server), {
      deadConnectionTimeoutMs: 600,
      onEvent: (event) => events.push(event),
    });
    try {
      await driver.invoke({ _: "help.getNearestDc" });
      // This answer, and everything after it on this connection, is lost.
      const silenced = countNearestDcRuns(server, () => {
        server.faults.silenceConnections();
      });
      const answer = await driver.invoke({ _: "help.getNearestDc" });
      expect(answer).toMatchObject({ _: "nearestDc", thisDc: 1 });
      expect(silenced.runs).toBe(1); // the resend on the new connection was answered from the session's cache
      expect(events.map((event) => event.type)).toContain("connection-dead");
    } finally {
      await driver.close();
    }
  });

  it("blackholes the next connection after its first packets; the driver moves to a new one", async () => {
    const key = await createKey(server);
    server.faults.blackholeNextConnectionAfter(1); // the first encrypted packet is answered, the rest is not
    const events: ClientEvent[] = [];
    const driver = await openDriver(server, key, {
      deadConnectionTimeoutMs: 600,
      onEvent: (event) => events.push(event),
    });
    try {
      await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
      await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
      expect(counter.runs).toBe(2);
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
