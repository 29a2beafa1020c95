import { connect, type Socket } from "node:net";
import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { createAuthKeyOverTransport } from "@mtkit/session";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { TransportEvent } from "@mtkit/transport-tcp/transport";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer, type ListenerLimits } from "../src/index.js";
import { createKey, env } from "./helpers/mtkit-client.js";

// Every listener has a connection cap, transport-init / handshake / idle deadlines and a budget for
// partial frames, so hostile peers cannot hold the server's memory or sockets.
let server: TestServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

async function start(limits: Partial<ListenerLimits>): Promise<TestServer> {
  server = await TestServer.start({ limits });
  return server;
}

/** A raw TCP connection; resolves once connected. */
async function rawSocket(target: TestServer): Promise<Socket> {
  const socket = connect(target.endpoints[0]!.port, "127.0.0.1");
  socket.on("error", () => undefined);
  sockets.push(socket);
  await new Promise((resolve) => socket.once("connect", resolve));
  return socket;
}

const closed = (socket: Socket): Promise<void> =>
  new Promise((resolve) => {
    if (socket.closed) resolve();
    else
      socket.once("close", () => {
        resolve();
      });
  });

describe("listener limits", () => {
  it("-404 is followed by a close, as Telegram does", async () => {
    const target = await start({});
    const endpoint = target.endpoints[0]!;
    const transport = createTcpTransport({ crypto: env.crypto, protocol: "intermediate" });
    const events: TransportEvent["type"][] = [];
    transport.subscribe((event) => events.push(event.type));
    await transport.connect({ dcId: endpoint.id, host: "127.0.0.1", port: endpoint.port });
    await transport.send(env.crypto.randomFill(new Uint8Array(72))); // an unknown auth_key_id
    await expect.poll(() => events, { timeout: 5000 }).toEqual(["status", "close"]);
  });

  it("a connection past the cap is closed at once; a freed slot is usable again", async () => {
    const target = await start({ maxConnections: 2 });
    const dc = target.dcs[0]!;
    const first = await rawSocket(target);
    await rawSocket(target);
    await expect.poll(() => dc.connectionCount).toBe(2);
    const third = await rawSocket(target);
    await closed(third);
    expect(dc.closedByLimits.get("connection-cap")).toBe(1);
    first.destroy();
    await expect.poll(() => dc.connectionCount).toBe(1);
    await createKey(target); // a real client gets the freed slot
  });

  it("closes a connection that never sends a transport init, then one that never finishes a handshake", async () => {
    const target = await start({ transportInitMs: 200, handshakeMs: 400 });
    const dc = target.dcs[0]!;
    const silent = await rawSocket(target);
    const tagOnly = await rawSocket(target);
    tagOnly.write(Uint8Array.of(0xee, 0xee, 0xee, 0xee));
    await closed(silent);
    await closed(tagOnly);
    expect(dc.closedByLimits.toJSON()).toEqual({ "transport-init": 1, handshake: 1 });
  });

  it("closes an authenticated connection that goes idle", async () => {
    const target = await start({ idleMs: 300 });
    const endpoint = target.endpoints[0]!;
    const transport = createTcpTransport({ crypto: env.crypto, protocol: "intermediate" });
    const events: TransportEvent["type"][] = [];
    transport.subscribe((event) => events.push(event.type));
    await transport.connect({ dcId: endpoint.id, host: "127.0.0.1", port: endpoint.port });
    await createAuthKeyOverTransport(transport, {
      env,
      rsaKeys: [parseRsaPublicKeyPem(target.publicKeyPem)],
      dcId: endpoint.id,
    });
    await expect.poll(() => events.at(-1), { timeout: 5000 }).toBe("close");
    expect(target.dcs[0]!.closedByLimits.get("idle")).toBe(1);
  });

  it("partial maximal frames past the shared budget are closed at their header; a normal client still gets its key", async () => {
    const budget = 5 * 1024 * 1024;
    const target = await start({ frameBufferBytes: budget });
    const dc = target.dcs[0]!;
    const flood: Socket[] = [];
    for (let i = 0; i < 6; i++) {
      const socket = await rawSocket(target);
      // Intermediate tag, a 2 MiB - 4 length, then 300 KiB of it and nothing more.
      socket.write(Uint8Array.of(0xee, 0xee, 0xee, 0xee, 0xfc, 0xff, 0x1f, 0x00));
      socket.write(new Uint8Array(300 * 1024));
      flood.push(socket);
    }
    // Two announced 2 MiB frames fit in 5 MiB; the other four connections are closed.
    await expect.poll(() => flood.filter((socket) => socket.closed).length, { timeout: 5000 }).toBe(4);
    expect(dc.frameBufferedBytes).toBeLessThanOrEqual(budget);
    expect(dc.closedByLimits.get("frame-budget")).toBe(4);
    await createKey(target);
  });
});
