import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RpcError } from "../../src/errors/rpc-error.js";
import { countEvents, makeClient, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    users: [
      { phone: "15550100", firstName: "Alice", username: "alice" },
      { phone: "15550102", firstName: "Dave", username: "dave" },
    ],
    bots: [{ token: "7:token", username: "seven_bot", firstName: "Seven" }],
  });
});
afterEach(() => {
  h.server.faults.clear();
});
afterAll(async () => {
  await h.close();
});

/** Counts how often the server really ran help.getCountriesList. */
function countExecutions(): { readonly count: () => number } {
  let count = 0;
  h.server.handle("help.getCountriesList", () => {
    count++;
    return { _: "help.countriesListNotModified" as const };
  });
  return { count: () => count };
}

// Every case runs over TCP (obfuscated intermediate, the Node default) and over WebSocket.
describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  const makeOver: typeof makeClient = (server, options) => makeClient(server, { ws: transport === "ws", ...options });

  describe("FLOOD_WAIT and server errors", () => {
    it("sleeps through FLOOD_WAIT_1 under the threshold and reports it", async () => {
      const { client, events } = makeOver(h.server, { floodSleepThreshold: 5 });
      await client.connect();
      h.server.faults.floodWait("help.getNearestDc", 1);
      const started = Date.now();
      await client.invoke({ _: "help.getNearestDc" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(events.find((e) => e.type === "wait")).toMatchObject({
        cause: "flood",
        delayMs: 1000,
        method: "help.getNearestDc",
      });
      await client.disconnect();
    });

    it("throws FLOOD_WAIT above the threshold at once, with a give_up event", async () => {
      const { client, events } = makeOver(h.server, { floodSleepThreshold: 5 });
      await client.connect();
      h.server.faults.floodWait("help.getNearestDc", 30);
      const error: unknown = await client.invoke({ _: "help.getNearestDc" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect(error).toMatchObject({ name: "FLOOD_WAIT", argument: 30, method: "help.getNearestDc" });
      expect(events.find((e) => e.type === "give_up")).toMatchObject({ reason: "flood_over_threshold" });
      await client.disconnect();
    });

    it("treats FLOOD_PREMIUM_WAIT the same way", async () => {
      const { client, events } = makeOver(h.server, { floodSleepThreshold: 5 });
      await client.connect();
      h.server.faults.onMethod("help.getNearestDc", { kind: "rpcError", code: 420, message: "FLOOD_PREMIUM_WAIT_1" });
      await client.invoke({ _: "help.getNearestDc" });
      expect(countEvents(events, "wait")).toBe(1);
      await client.disconnect();
    });

    it("retries 500 and -503 with backoff", async () => {
      const { client, events } = makeOver(h.server);
      await client.connect();
      // One knob fires once per call, so two -503s take two attempts.
      h.server.faults.onMethod("help.getNearestDc", { kind: "rpcError", code: -503, message: "Timeout" }, 2);
      const nearest = await client.invoke({ _: "help.getNearestDc" });
      expect(nearest.thisDc).toBe(1);
      h.server.faults.onMethod("help.getNearestDc", { kind: "rpcError", code: 500, message: "INTERNAL_SERVER_ERROR" });
      await client.invoke({ _: "help.getNearestDc" });
      const waits = events.flatMap((e) => (e.type === "wait" ? [`${e.error.rawMessage}:${e.cause}`] : []));
      expect(waits).toEqual(["Timeout:server_error", "Timeout:server_error", "INTERNAL_SERVER_ERROR:server_error"]);
      await client.disconnect();
    });
  });

  describe("connections", () => {
    it("a connection closed mid-request: the driver reconnects, the request completes, the server ran it once", async () => {
      const executions = countExecutions();
      const { client } = makeOver(h.server);
      await client.connect();
      h.server.faults.disconnectOn("help.getCountriesList");
      const result = await client.invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 });
      expect(result._).toBe("help.countriesListNotModified");
      expect(executions.count()).toBe(1);
      await client.disconnect();
    });

    it("every connection dropped by the server while a slow request runs", async () => {
      const executions = countExecutions();
      const { client } = makeOver(h.server);
      await client.connect();
      h.server.faults.delay("help.getCountriesList", 300);
      const pending = client.invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await h.server.dropConnections();
      await expect(pending).resolves.toMatchObject({ _: "help.countriesListNotModified" });
      expect(executions.count()).toBe(1);
      await client.disconnect();
    });

    it("invoke on another DC by id; its address comes from the options, then from help.getConfig", async () => {
      // Only DC 1 is given: DC 2's address must come from help.getConfig's dc_options.
      const { client } = makeOver(h.server, {
        withoutTestServer: true,
        dcs: [h.server.endpoints[0]!],
        rsaKeys: [parseRsaPublicKeyPem(h.server.publicKeyPem)],
      });
      await client.connect();
      const onTwo = await client.invoke({ _: "help.getNearestDc" }, { dcId: 2 });
      expect(onTwo.thisDc).toBe(2);
      await client.disconnect();
    });
  });

  describe("DC migration", () => {
    it("FILE_MIGRATE_1: exports the authorization from DC 2, imports it on DC 1 once, runs the call there", async () => {
      const { client, events } = makeOver(h.server);
      await client.start({ botToken: "7:token" });
      expect(client.homeDcId).toBe(2);
      h.server.faults.migrate("users.getFullUser", 1, "FILE");
      const full = await client.invoke({ _: "users.getFullUser", id: { _: "inputUserSelf" } });
      expect(full.users[0]).toMatchObject({ username: "seven_bot" });
      expect(events.filter((e) => e.type === "authorization_imported")).toEqual([
        { type: "authorization_imported", dcId: 1 },
      ]);
      h.server.faults.migrate("users.getFullUser", 1, "STATS");
      await client.invoke({ _: "users.getFullUser", id: { _: "inputUserSelf" } });
      expect(countEvents(events, "authorization_imported")).toBe(1);
      expect(client.homeDcId).toBe(2);
      await client.disconnect();
    });
  });

  describe("home DC moves", () => {
    it("NETWORK_MIGRATE_2 moves the home DC and repeats the call there", async () => {
      const { client, events, storage } = makeOver(h.server);
      await client.connect();
      h.server.faults.migrate("help.getNearestDc", 2, "NETWORK");
      const nearest = await client.invoke({ _: "help.getNearestDc" });
      expect(nearest.thisDc).toBe(2);
      expect(client.homeDcId).toBe(2);
      expect(await storage.session.getHomeDc()).toMatchObject({ id: 2, port: h.server.endpoints[1]!.port });
      expect(events.find((e) => e.type === "migrate")).toMatchObject({ scope: "home", toDc: 2 });
      await client.disconnect();
    });

    it("a media connection is separate from the main one and makes its own temp key", async () => {
      const { client, events } = makeOver(h.server);
      await client.connect();
      const before = h.server.dc(1).connectionCount;
      await client.invoke({ _: "help.getNearestDc" }, { media: true });
      expect(h.server.dc(1).connectionCount).toBe(before + 1);
      // main: perm + temp; media: its own temp, the same perm key
      expect(events.flatMap((e) => (e.type === "auth_key_created" ? [e.temporary] : []))).toEqual([false, true, true]);
      await client.disconnect();
    });
  });

  describe("peers", () => {
    it("resolves @username through contacts.resolveUsername, then from the cache; getFullUser accepts it", async () => {
      const { client } = makeOver(h.server);
      await client.start({ botToken: "7:token" });
      const dave = h.slice.userByPhone("15550102")!;
      const peer = await client.resolvePeer("@dave");
      expect(peer).toEqual({ _: "inputPeerUser", userId: dave.id, accessHash: dave.accessHash });
      h.server.faults.onMethod("contacts.resolveUsername", {
        kind: "rpcError",
        code: 400,
        message: "MUST_NOT_BE_CALLED",
      });
      expect(await client.resolvePeer("dave")).toEqual(peer);
      expect(await client.resolvePeer(dave.id)).toEqual(peer);
      const full = await client.getFullUser("@dave");
      expect(full.fullUser.id).toBe(dave.id);
      await expect(client.resolvePeer("@nobody_here")).rejects.toMatchObject({ code: "PEER_NOT_FOUND" });
      await client.disconnect();
    });
  });

  describe("logger", () => {
    it("reports what the client did on its own: new keys (info) and flood waits (warn)", async () => {
      const lines: [string, string][] = [];
      const logger = {
        error: (message: string): void => void lines.push(["error", message]),
        warn: (message: string): void => void lines.push(["warn", message]),
        info: (message: string): void => void lines.push(["info", message]),
        debug: (message: string): void => void lines.push(["debug", message]),
      };
      const { client } = makeOver(h.server, { logger, floodSleepThreshold: 5 });
      await client.connect();
      h.server.faults.floodWait("help.getNearestDc", 1);
      await client.invoke({ _: "help.getNearestDc" });
      await client.disconnect();
      expect(lines).toContainEqual(["info", "DC 1: new permanent auth key"]);
      expect(lines).toContainEqual(["info", "DC 1: new temporary auth key"]);
      expect(lines).toContainEqual(["warn", "help.getNearestDc: FLOOD_WAIT_1, retrying in 1000 ms"]);
      expect(
        lines
          .filter(([level]) => level === "debug")
          .some(([, message]) => message.startsWith("DC 1: temporary key bound until")),
      ).toBe(true);
    });
  });
});
