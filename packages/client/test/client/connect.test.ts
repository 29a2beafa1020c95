import { createAuthKey } from "@mtkit/mtproto-crypto";
import { LAYER } from "@mtkit/tl-core/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStorage } from "../../src/storage/memory/memory-storage.js";
import { countEvents, crypto, makeClient, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("TelegramClient connect / invoke", () => {
  it("makes a perm key and a bound temp key, wraps the first call in invokeWithLayer(initConnection)", async () => {
    const { client, events } = makeClient(h.server, { deviceInfo: { deviceModel: "vitest" } });
    await client.connect();
    const nearest = await client.invoke({ _: "help.getNearestDc" });
    expect(nearest.thisDc).toBe(1);
    expect(countEvents(events, "auth_key_created")).toBe(2); // permanent + temporary
    expect(events.find((e) => e.type === "temp_key_bound")).toMatchObject({ dcId: 1 });
    const dc = h.server.dc(1);
    const infos = dc.keys.ids().map((id) => dc.keyInfo(id));
    const wrapped = infos.find((info) => info.client !== undefined);
    expect(wrapped?.layer).toBe(LAYER);
    expect(wrapped?.client).toMatchObject({ apiId: 12345, deviceModel: "vitest" });
    await client.disconnect();
  });

  it("reuses the stored keys: a second client on the same storage makes no handshake", async () => {
    const storage = new MemoryStorage();
    const first = makeClient(h.server, { storage });
    await first.client.connect();
    await first.client.disconnect();
    expect(countEvents(first.events, "auth_key_created")).toBe(2);
    // disconnect() wrote the salt in use back, for the next run's first message
    expect(await storage.salts.get(1)).toHaveLength(1);
    const keysBefore = h.server.authKeyIds(1).length;
    const second = makeClient(h.server, { storage });
    await second.client.connect();
    await second.client.invoke({ _: "help.getNearestDc" });
    expect(countEvents(second.events, "auth_key_created")).toBe(0);
    expect(h.server.authKeyIds(1).length).toBe(keysBefore);
    await second.client.disconnect();
  });

  it("runs on the permanent key with pfs: false", async () => {
    const { client, events } = makeClient(h.server, { pfs: false });
    await client.connect();
    expect(countEvents(events, "auth_key_created")).toBe(1);
    expect(countEvents(events, "temp_key_bound")).toBe(0);
    await client.disconnect();
  });

  it("-404 on the temporary key (the server forgot it): a new temp key is made and bound, the call completes", async () => {
    const { client, events, storage } = makeClient(h.server);
    await client.connect();
    const stored = await storage.authKeys.getTemp(1, 0);
    const tempId = createAuthKey(crypto, stored!.key).idLong;
    // Both sides count expires_in from their own clock in whole seconds: they may differ by one.
    const serverExpiry = h.server.dc(1).keys.get(tempId)?.expiresAt;
    expect(serverExpiry).toBeDefined();
    expect(Math.abs(serverExpiry! - stored!.expiresAt)).toBeLessThanOrEqual(1);
    h.server.rejectKey(tempId);
    const nearest = await client.invoke({ _: "help.getNearestDc" });
    expect(nearest.thisDc).toBe(1);
    expect(countEvents(events, "temp_key_bound")).toBe(2);
    expect((await storage.authKeys.getTemp(1, 0))?.key).not.toEqual(stored?.key);
    await client.disconnect();
  });

  it("disconnect() during connect() leaves no connection open", async () => {
    const { client } = makeClient(h.server, { storage: new MemoryStorage() });
    const before = h.server.dc(1).connectionCount;
    const connecting = client.connect().catch((error: unknown) => error);
    await client.disconnect();
    const outcome = await connecting;
    expect(outcome === undefined || (outcome as { code?: string }).code === "DISCONNECTED").toBe(true);
    await client.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.server.dc(1).connectionCount).toBe(before);
  });

  it("rejects invoke after disconnect with CancelledError", async () => {
    const { client } = makeClient(h.server);
    await client.connect();
    await client.disconnect();
    await expect(client.invoke({ _: "help.getNearestDc" })).rejects.toMatchObject({ code: "DISCONNECTED" });
  });

  it("disconnect() while calls are in flight on a ready connection: each rejects with DISCONNECTED, none hangs", async () => {
    const { client } = makeClient(h.server);
    await client.connect();
    h.server.faults.delay("help.getCountriesList", 5_000, 3);
    // Ready connection, no signal: these take the short path straight to the driver.
    const calls = [1, 2, 3].map(() =>
      client.invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 }).catch((error: unknown) => error),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.disconnect();
    for (const outcome of await Promise.all(calls))
      expect(outcome).toMatchObject({ name: "CancelledError", code: "DISCONNECTED" });
    h.server.faults.clear();
  });

  it("a caller's AbortSignal cancels a call with ABORTED; the client keeps working", async () => {
    const { client } = makeClient(h.server);
    await client.connect();
    h.server.faults.delay("help.getCountriesList", 5_000, 1);
    const controller = new AbortController();
    const call = client
      .invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 }, { signal: controller.signal })
      .catch((error: unknown) => error);
    setTimeout(() => {
      controller.abort(new Error("user left"));
    }, 50);
    expect(await call).toMatchObject({ name: "CancelledError", code: "ABORTED" });
    await expect(client.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ _: "nearestDc" });
    await client.disconnect();
    h.server.faults.clear();
  });
});
