import { createTcpTransport } from "@mtkit/transport-tcp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countEvents, crypto, makeClient, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("TelegramClient hardening", () => {
  it("connect() makes the keys without a round trip of its own; the first call carries initConnection", async () => {
    let nearestDcCalls = 0;
    h.server.handle("help.getNearestDc", () => {
      nearestDcCalls++;
      return { _: "nearestDc" as const, country: "NL", thisDc: 2, nearestDc: 2 };
    });
    const { client, events } = makeClient(h.server);
    await client.connect();
    expect(nearestDcCalls).toBe(0);
    expect(countEvents(events, "auth_key_created")).toBeGreaterThan(0);
    await client.invoke({ _: "help.getNearestDc" });
    expect(nearestDcCalls).toBe(1);
    await client.disconnect();
  });

  it("an answer over the maximum packet length: connection_lost with the reason, then a typed error, no endless loop", async () => {
    let executed = 0;
    h.server.handle("help.getCdnConfig", () => {
      executed++;
      return crypto.randomFill(new Uint8Array(16 * 1024)); // incompressible: over the client's 8 KiB
    });
    const { client, events } = makeClient(h.server, {
      transport: () => createTcpTransport({ crypto, maxPacketLength: 8 * 1024 }),
    });
    await client.connect();
    await expect(client.invoke({ _: "help.getCdnConfig" })).rejects.toMatchObject({ code: "CONNECTION_LOST" });
    const lost = events.filter((event) => event.type === "connection_lost");
    expect(lost.length).toBeGreaterThanOrEqual(3);
    expect(lost.every((event) => event.reason.includes("PACKET_TOO_LONG"))).toBe(true);
    expect(executed).toBe(1);
    await client.disconnect();
  });
});
