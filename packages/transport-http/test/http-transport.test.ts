// Client and server of the HTTP transport over real sockets (https://core.telegram.org/mtproto/transports#http).
import { FrameBufferBudget, TransportStatusError } from "@mtkit/transport-tcp/codec";
import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpTransport, HttpTransportError, HttpTransportServer, routeKeyOf } from "../src/index.js";
import { keyedPacket, recorder } from "./helpers.js";

const servers: HttpTransportServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server whose links run `onPacket` for every packet. */
async function serve(
  onPacket: (link: ServerConnectionLink, packet: Uint8Array) => void,
  options: Parameters<typeof HttpTransportServer.listen>[0] = {},
): Promise<HttpTransportServer> {
  const server = await HttpTransportServer.listen(options);
  servers.push(server);
  server.onConnection((link) => {
    link.subscribe((event) => {
      if (event.type === "packet") onPacket(link, event.packet);
    });
  });
  return server;
}

const address = (server: HttpTransportServer) => ({ dcId: 1, host: "127.0.0.1", port: server.port });

describe("HTTP transport, client and server", () => {
  it("a POST body is a packet, the answer body the server's packet", async () => {
    const server = await serve((link, packet) => void link.send(packet.slice().reverse()));
    const client = createHttpTransport();
    const events = recorder(client);
    await client.connect(address(server));
    await client.send(keyedPacket(7, 1, 2, 3));
    const event = await events.next("packet");
    expect(event).toEqual({ type: "packet", packet: Uint8Array.from([3, 2, 1, 7, 7, 7, 7, 7, 7, 7, 7]) });
    await client.close();
    expect(client.closed).toBe(true);
  });

  it("a held poll carries what the server sends later; the transport reports when nothing is outstanding", async () => {
    let pollLink: ServerConnectionLink | undefined;
    const server = await serve((link, packet) => {
      if (packet[8] === 1) {
        link.holdAnswer?.(10_000);
        pollLink = link;
      }
    });
    const client = createHttpTransport();
    const events = recorder(client);
    let idle = 0;
    client.longPoll.onIdle(() => idle++);
    await client.connect(address(server));
    await client.send(keyedPacket(9, 1)); // the poll
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.events).toEqual([]); // still held
    expect(idle).toBe(0);
    await pollLink!.send(keyedPacket(9, 42));
    expect(await events.next("packet")).toEqual({ type: "packet", packet: keyedPacket(9, 42) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(1);
    await client.close();
  });

  it("a held poll ends empty after max_wait, and a newer poll answers the older one at once", async () => {
    const server = await serve((link) => {
      link.holdAnswer?.(300);
    });
    const client = createHttpTransport();
    const events = recorder(client);
    let idle = 0;
    client.longPoll.onIdle(() => idle++);
    await client.connect(address(server));
    await client.send(keyedPacket(3, 1));
    await client.send(keyedPacket(3, 2)); // supersedes the first
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(idle).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(idle).toBe(1);
    expect(events.events).toEqual([]); // empty answers are no packets
    await client.close();
  });

  it("HTTP 404 is transport error -404, then the connection is over", async () => {
    const server = await serve((link) => void link.sendStatus(-404));
    const client = createHttpTransport();
    const events = recorder(client);
    await client.connect(address(server));
    await client.send(keyedPacket(5, 1));
    const status = await events.next("status");
    expect(status.type === "status" && status.error).toBeInstanceOf(TransportStatusError);
    expect(status.type === "status" && status.error.status).toBe(-404);
    expect(events.events.at(-1)).toEqual({ type: "close" }); // emitted right after the status
    await expect(client.send(keyedPacket(5, 2))).rejects.toMatchObject({ code: "CLOSED" });
  });

  it("an answer over maxPacketLength fails the connection with BODY_TOO_LARGE, unread", async () => {
    const server = await serve((link) => void link.send(new Uint8Array(64 * 1024).fill(1)));
    const client = createHttpTransport({ maxPacketLength: 1024 });
    const events = recorder(client);
    await client.connect(address(server));
    await client.send(keyedPacket(4, 1));
    const close = await events.next("close");
    expect(close.type === "close" && close.error).toBeInstanceOf(HttpTransportError);
    expect(close).toMatchObject({ error: { code: "BODY_TOO_LARGE" } });
  });

  it("an unreachable server closes the connection with NETWORK, not a hang", async () => {
    const server = await serve(() => undefined);
    const port = server.port;
    await server.close();
    servers.length = 0;
    const client = createHttpTransport();
    const events = recorder(client);
    await client.connect({ dcId: 1, host: "127.0.0.1", port });
    await client.send(keyedPacket(4, 1));
    expect(await events.next("close")).toMatchObject({ error: { code: "NETWORK" } });
  });

  it("bounded concurrency: more sends than slots wait, none is lost", async () => {
    const server = await serve((link, packet) => void link.send(packet));
    const client = createHttpTransport({ maxConcurrentRequests: 2 });
    const events = recorder(client);
    await client.connect(address(server));
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.send(keyedPacket(i + 1, i))));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.events.filter((event) => event.type === "packet")).toHaveLength(10);
    await client.close();
  });

  it("routes packets by auth_key_id, plain ones by their nonce", () => {
    expect(routeKeyOf(keyedPacket(1, 0))).toBe("k0101010101010101");
    const plain = new Uint8Array(40);
    plain.set([0xaa, 0xbb], 24);
    expect(routeKeyOf(plain)).toBe(`naabb${"0".repeat(28)}`);
    expect(routeKeyOf(new Uint8Array(20))).toBeUndefined();
    expect(routeKeyOf(new Uint8Array(4))).toBeUndefined();
  });

  it("shares the frame buffer budget: nothing stays reserved after bodies are read", async () => {
    const budget = new FrameBufferBudget(1024 * 1024);
    const server = await serve((link, packet) => void link.send(packet), { frameBufferBudget: budget });
    const client = createHttpTransport();
    const events = recorder(client);
    await client.connect(address(server));
    await client.send(keyedPacket(8, ...new Array<number>(100_000).fill(1)));
    await events.next("packet");
    expect(budget.usedBytes).toBe(0);
    await client.close();
  });
});
