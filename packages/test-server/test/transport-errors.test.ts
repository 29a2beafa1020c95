import { encryptMessage } from "@mtkit/mtproto-crypto";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { Transport, TransportEvent } from "@mtkit/transport-tcp/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { createKey, env } from "./helpers/mtkit-client.js";

/** Sends one packet on a fresh connection and returns the first event that comes back. */
async function firstEvent(server: TestServer, dcIndex: number, packet: Uint8Array): Promise<TransportEvent> {
  const endpoint = server.endpoints[dcIndex]!;
  const transport: Transport = createTcpTransport({ crypto: env.crypto, protocol: "intermediate" });
  const event = new Promise<TransportEvent>((resolve) => {
    transport.subscribe(resolve);
  });
  await transport.connect({ dcId: endpoint.id, host: "127.0.0.1", port: endpoint.port });
  await transport.send(packet);
  try {
    return await event;
  } finally {
    await transport.close();
  }
}

function encryptedPing(authKey: Parameters<typeof encryptMessage>[1]): Uint8Array {
  const plain = new Uint8Array(32 + 12);
  const view = new DataView(plain.buffer);
  view.setBigInt64(8, 42n, true);
  view.setBigInt64(16, BigInt(Math.floor(Date.now() / 1000)) << 32n, true);
  view.setInt32(24, 1, true);
  view.setInt32(28, 12, true);
  view.setUint32(32, 0x7abe77ec, true); // ping
  return encryptMessage(env.crypto, authKey, plain, "client");
}

describe("transport errors and per-DC keys", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ dcs: 2 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers -404 to an unknown auth_key_id", async () => {
    const packet = env.crypto.randomFill(new Uint8Array(72));
    const event = await firstEvent(server, 0, packet);
    expect(event).toMatchObject({ type: "status", error: { status: -404 } });
  });

  it("answers -404 to a broken handshake message", async () => {
    const plain = new Uint8Array(20 + 20);
    new DataView(plain.buffer).setInt32(16, 20, true);
    const event = await firstEvent(server, 0, plain);
    expect(event).toMatchObject({ type: "status", error: { status: -404 } });
  });

  it("forgets an expired temporary key: -404", async () => {
    const temp = await createKey(server, { expiresIn: 1 });
    expect(server.authKeyIds(1)).toContain(temp.authKey.idLong);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await firstEvent(server, 0, encryptedPing(temp.authKey))).toMatchObject({
      type: "status",
      error: { status: -404 },
    });
  });

  it("keeps keys per DC: a DC 1 key is unknown on DC 2", async () => {
    const auth = await createKey(server);
    expect(server.authKeyIds(1)).toContain(auth.authKey.idLong);
    expect(server.authKeyIds(2)).not.toContain(auth.authKey.idLong);
    expect(await firstEvent(server, 1, encryptedPing(auth.authKey))).toMatchObject({
      type: "status",
      error: { status: -404 },
    });
    // The same packet on DC 1 is a valid message (answered with new_session_created, bad salt ...).
    expect(await firstEvent(server, 0, encryptedPing(auth.authKey))).toMatchObject({ type: "packet" });
  });
});
