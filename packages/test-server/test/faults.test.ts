import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RpcError, TestServer } from "../src/index.js";
import { withMtcuteClient } from "./helpers/mtcute.js";
import { countNearestDcRuns, nearestDc } from "./helpers/nearest-dc.js";

describe("fault knobs, seen through mtcute", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ dcs: 2 });
  });
  afterEach(() => {
    server.faults.clear();
    server.handle("help.getNearestDc", (_request, ctx) => nearestDc(ctx.dcId));
    server.handle("updates.getState", () => ({
      _: "updates.state" as const,
      pts: 1,
      qts: 0,
      date: 0,
      seq: 0,
      unreadCount: 0,
    }));
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers FLOOD_WAIT_X from the knob and from a handler's RpcError", () =>
    withMtcuteClient(server, async (client) => {
      await client.call({ _: "help.getConfig" });
      server.faults.floodWait("help.getNearestDc", 1);
      await expect(client.call({ _: "help.getNearestDc" }, { floodSleepThreshold: 0 })).rejects.toThrow(/FLOOD_WAIT_1/);
      // Another method: mtcute holds back a method it saw FLOOD_WAIT for until the wait is over.
      server.handle("updates.getState", () => {
        throw new RpcError(400, "CUSTOM_ERROR");
      });
      await expect(client.call({ _: "updates.getState" })).rejects.toThrow(/CUSTOM_ERROR/);
    }));

  it("USER_MIGRATE_2 moves mtcute to DC 2, found through help.getConfig's dc_options", () =>
    withMtcuteClient(server, async (client) => {
      server.faults.migrate("help.getNearestDc", 2, "USER");
      const answer = await client.call({ _: "help.getNearestDc" });
      expect(answer.thisDc).toBe(2);
      expect(server.authKeyIds(2).length).toBeGreaterThan(0);
    }));

  it("delays an answer", () =>
    withMtcuteClient(server, async (client) => {
      await client.call({ _: "help.getConfig" });
      server.faults.delay("help.getNearestDc", 400);
      const started = performance.now();
      await client.call({ _: "help.getNearestDc" });
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    }));

  it("forces bad_server_salt: the client switches salt and resends, the call runs once", () =>
    withMtcuteClient(server, async (client) => {
      await client.call({ _: "help.getConfig" });
      const counter = countNearestDcRuns(server);
      const before = server.dc(1).salts.rejected;
      server.forceBadSalt();
      await client.call({ _: "help.getNearestDc" });
      expect(server.dc(1).salts.rejected).toBe(before + 1);
      expect(counter.runs).toBe(1);
    }));

  it("rejects a key with -404: the client makes a new one and carries on", () =>
    withMtcuteClient(server, async (client) => {
      await client.call({ _: "help.getConfig" });
      const oldKeys = server.authKeyIds(1);
      server.rejectKey();
      const answer = await client.call({ _: "help.getNearestDc" });
      expect(answer.thisDc).toBe(1);
      const newKeys = server.authKeyIds(1);
      expect(newKeys.length).toBeGreaterThan(0);
      expect(newKeys.some((id) => oldKeys.includes(id))).toBe(false);
    }));

  it("answers dh_gen_retry once: the client retries with a new g_b and gets a key", () => {
    server.faults.dhGenRetry();
    return withMtcuteClient(server, async (client) => {
      const config = await client.call({ _: "help.getConfig" });
      expect(config.thisDc).toBe(1);
      expect(server.faults.takeDhGenRetry()).toBe(false); // consumed by that handshake
    });
  });

  it("drops a connection after N packets; the request survives the reconnect", () =>
    withMtcuteClient(server, async (client) => {
      // req_pq, req_DH_params, set_client_DH_params pass; the first encrypted packet is cut.
      server.faults.dropNextConnectionAfter(3);
      const config = await client.call({ _: "help.getConfig" });
      expect(config.thisDc).toBe(1);
    }));

  it("closes the connection mid-request (disconnect knob); the answer arrives after the reconnect", () =>
    withMtcuteClient(server, async (client) => {
      await client.call({ _: "help.getConfig" });
      const counter = countNearestDcRuns(server);
      server.faults.disconnectOn("help.getNearestDc");
      const answer = await client.call({ _: "help.getNearestDc" });
      expect(answer.thisDc).toBe(1);
      expect(counter.runs).toBe(1);
    }));

  it("keeps an answer computed while the client was away and delivers it after the reconnect", () =>
    withMtcuteClient(server, async (client) => {
      await client.call({ _: "help.getConfig" });
      server.handle("help.getNearestDc", async (_request, ctx) => {
        await server.dropConnections();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return nearestDc(ctx.dcId);
      });
      const answer = await client.call({ _: "help.getNearestDc" });
      expect(answer.thisDc).toBe(1);
    }));
});
