import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTcpTransport } from "../src/node/tcp-transport.js";
import { TcpTransportServer } from "../src/node/tcp-server.js";
import type { ServerConnectionLink } from "../src/transport/types.js";
import { EventCollector } from "./helpers/collect.js";
import { clientOptions, combinations, serverOptions } from "./helpers/matrix.js";
import { testCrypto } from "./helpers/crypto.js";

const crypto = testCrypto();
let server: TcpTransportServer;
const accepted: ServerConnectionLink[] = [];

beforeAll(async () => {
  server = await TcpTransportServer.listen({ ...serverOptions(crypto), maxPacketLength: 4 * 1024 * 1024 });
  // Echo server: every packet comes back, a quick-ack request is answered first.
  server.onConnection((connection) => {
    accepted.push(connection);
    connection.subscribe((event) => {
      if (event.type !== "packet") return;
      if (event.packet.length === 28 && event.packet[0] === 0xee) {
        void connection.sendStatus(-404);
        return;
      }
      void connection.send(event.packet);
    });
  });
});

afterAll(async () => {
  await server.close();
});

const address = () => ({ dcId: 2, host: "127.0.0.1", port: server.port });
const packet = (blocks: number, fill: number) => new Uint8Array(24 + 16 * blocks).fill(fill);

describe.each(combinations().map((c) => [c.name, c] as const))("loopback TCP: %s", (_name, combo) => {
  it("echoes small and 1 MiB packets in order", async () => {
    const transport = createTcpTransport({ ...clientOptions(combo, crypto), maxPacketLength: 4 * 1024 * 1024 });
    const events = new EventCollector(transport);
    await transport.connect(address());
    const sent = [packet(1, 1), packet(65_536, 2), packet(2, 3)];
    await Promise.all(sent.map((p) => transport.send(p)));
    await events.waitForPackets(3);
    expect(events.packets().map((p) => Buffer.from(p).toString("base64"))).toEqual(
      sent.map((p) => Buffer.from(p).toString("base64")),
    );
    expect(accepted.at(-1)?.info?.protocol).toBe(combo.expectedProtocol);
    await transport.close();
    expect(transport.closed).toBe(true);
    expect(events.events.at(-1)).toEqual({ type: "close" });
  });
});

describe("TCP carrier behaviour", () => {
  it("surfaces transport errors as typed status events", async () => {
    const transport = createTcpTransport({ protocol: "abridged" });
    const events = new EventCollector(transport);
    await transport.connect(address());
    const trigger = new Uint8Array(28).fill(0xee);
    await transport.send(trigger);
    await events.waitFor((e) => e.some((x) => x.type === "status"));
    const status = events.events.find((e) => e.type === "status");
    expect(status?.type === "status" && status.error.code).toBe("AUTH_KEY_NOT_FOUND");
    await transport.close();
  });

  it("a server-side close reaches the client as a close event", async () => {
    const transport = createTcpTransport({ protocol: "intermediate" });
    const events = new EventCollector(transport);
    await transport.connect(address());
    await transport.send(packet(1, 5));
    await events.waitForPackets(1);
    await accepted.at(-1)!.close();
    await events.waitForClose();
    await expect(transport.send(packet(1, 5))).rejects.toMatchObject({ code: "CLOSED" });
  });

  it("reconnects on the same Transport object after close", async () => {
    const transport = createTcpTransport({ protocol: "full" });
    const events = new EventCollector(transport);
    for (let round = 1; round <= 2; round++) {
      await transport.connect(address());
      await transport.send(packet(1, round));
      await events.waitForPackets(round);
      await transport.close();
    }
    expect(events.packets().map((p) => p[0])).toEqual([1, 2]);
  });

  it("connection refused is a typed CARRIER error", async () => {
    const closed = await TcpTransportServer.listen();
    const port = closed.port;
    await closed.close();
    await expect(createTcpTransport().connect({ dcId: 1, host: "127.0.0.1", port })).rejects.toMatchObject({
      code: "CARRIER",
    });
  });

  it("respects back-pressure: 32 MiB written while the reader is slow arrive intact", async () => {
    const transport = createTcpTransport({ protocol: "intermediate", maxPacketLength: 4 * 1024 * 1024 });
    const events = new EventCollector(transport);
    await transport.connect(address());
    const big = packet(131_072, 7); // 2 MiB
    for (let i = 0; i < 16; i++) await transport.send(big);
    await events.waitForPackets(16);
    expect(events.packets().every((p) => p.length === big.length && p[100] === 7)).toBe(true);
    await transport.close();
  });

  it("small packets sent behind a write held by back-pressure keep their order", async () => {
    // Small ones are written at once while the socket has room; the 2 MiB ones fill it, so the
    // small ones after them queue behind a write in flight and go out together, in order.
    const transport = createTcpTransport({ protocol: "intermediate", maxPacketLength: 4 * 1024 * 1024 });
    const events = new EventCollector(transport);
    await transport.connect(address());
    const sent: Uint8Array[] = [];
    for (let i = 0; i < 40; i++) sent.push(i % 10 === 5 ? packet(131_072, i) : packet(1 + (i % 3), i));
    await Promise.all(sent.map((p) => transport.send(p)));
    await events.waitForPackets(sent.length);
    expect(events.packets().map((p) => [p.length, p[20]])).toEqual(sent.map((p) => [p.length, p[20]]));
    await transport.close();
  });

  it("a codec error (garbage from the peer) closes the connection with a TransportError", async () => {
    const { createServer } = await import("node:net");
    const liar = createServer((socket) => {
      socket.resume();
      socket.write(Buffer.from([0xff, 0xff, 0xff, 0x7f]));
    });
    await new Promise<void>((resolve) => liar.listen(0, "127.0.0.1", resolve));
    const port = (liar.address() as import("node:net").AddressInfo).port;
    const transport = createTcpTransport({ protocol: "intermediate" });
    const events = new EventCollector(transport);
    await transport.connect({ dcId: 1, host: "127.0.0.1", port });
    await events.waitForClose();
    const close = events.events.find((e) => e.type === "close");
    expect(close?.type === "close" && close.error).toMatchObject({ code: "PACKET_TOO_LONG" });
    await new Promise((resolve) => liar.close(resolve));
  });
});
