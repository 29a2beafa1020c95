import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTcpTransport } from "../src/node/tcp-transport.js";
import { TcpTransportServer } from "../src/node/tcp-server.js";
import { EventCollector } from "./helpers/collect.js";
import { testCrypto } from "./helpers/crypto.js";

const crypto = testCrypto();
let dc: TcpTransportServer;
const servers: Server[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  dc = await TcpTransportServer.listen({ crypto });
  dc.onConnection((c) =>
    c.subscribe((e) => {
      if (e.type === "packet") void c.send(e.packet);
    }),
  );
});

afterAll(async () => {
  await dc.close();
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    handler(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Reads exactly n bytes from a socket (test proxies only). */
function reader(socket: Socket): (n: number) => Promise<Buffer> {
  let buffer = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  socket.on("data", (d: Buffer) => {
    buffer = Buffer.concat([buffer, d]);
    wake?.();
  });
  return async (n) => {
    while (buffer.length < n)
      await new Promise<void>((r) => {
        wake = r;
      });
    const out = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    return out;
  };
}

/** A minimal SOCKS5 server (no auth or user/pass) that tunnels to the requested address. */
function socks5Server(credentials?: { user: string; pass: string }): Promise<number> {
  return listen((socket) => {
    void (async () => {
      const read = reader(socket);
      const [, count] = await read(2);
      const methods = await read(count!);
      if (credentials !== undefined) {
        if (!methods.includes(2)) return socket.end(Buffer.from([5, 0xff]));
        socket.write(Buffer.from([5, 2]));
        const [, ulen] = await read(2);
        const user = (await read(ulen!)).toString();
        const [plen] = await read(1);
        const pass = (await read(plen!)).toString();
        const ok = user === credentials.user && pass === credentials.pass;
        socket.write(Buffer.from([1, ok ? 0 : 1]));
        if (!ok) return socket.end();
      } else socket.write(Buffer.from([5, 0]));
      const [, , , type] = await read(4);
      const host = type === 1 ? Array.from(await read(4)).join(".") : (await read((await read(1))[0]!)).toString();
      const port = (await read(2)).readUInt16BE(0);
      const upstream = connect(port, host, () => {
        socket.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
        socket.removeAllListeners("data");
        socket.pipe(upstream);
        upstream.pipe(socket);
      });
    })();
  });
}

/** A minimal HTTP CONNECT proxy. */
function httpProxy(): Promise<number> {
  return listen((socket) => {
    let head = "";
    const onData = (d: Buffer): void => {
      head += d.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      const [, host, port] = /^CONNECT ([^:]+):(\d+)/.exec(head) ?? [];
      const upstream = connect(Number(port), host, () => {
        socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
        socket.pipe(upstream);
        upstream.pipe(socket);
      });
    };
    socket.on("data", onData);
  });
}

async function roundTrip(transport: ReturnType<typeof createTcpTransport>): Promise<void> {
  const events = new EventCollector(transport);
  await transport.connect({ dcId: 2, host: "127.0.0.1", port: dc.port });
  const packet = new Uint8Array(40).fill(4);
  await transport.send(packet);
  await events.waitForPackets(1);
  expect(events.packets()[0]).toEqual(packet);
  await transport.close();
}

describe("proxies", () => {
  it("SOCKS5 without auth", async () => {
    const port = await socks5Server();
    await roundTrip(
      createTcpTransport({ crypto, obfuscation: true, proxy: { type: "socks5", host: "127.0.0.1", port } }),
    );
  });

  it("SOCKS5 with username/password", async () => {
    const port = await socks5Server({ user: "alice", pass: "s3cret" });
    await roundTrip(
      createTcpTransport({
        protocol: "abridged",
        proxy: { type: "socks5", host: "127.0.0.1", port, username: "alice", password: "s3cret" },
      }),
    );
  });

  it("SOCKS5 with wrong password is a PROXY error", async () => {
    const port = await socks5Server({ user: "alice", pass: "s3cret" });
    await expect(
      createTcpTransport({
        proxy: { type: "socks5", host: "127.0.0.1", port, username: "alice", password: "nope" },
      }).connect({ dcId: 2, host: "127.0.0.1", port: dc.port }),
    ).rejects.toMatchObject({ code: "PROXY" });
  });

  it("HTTP CONNECT", async () => {
    const port = await httpProxy();
    await roundTrip(createTcpTransport({ protocol: "full", proxy: { type: "http", host: "127.0.0.1", port } }));
  });

  it("a proxy that never answers hits the connect timeout", async () => {
    const port = await listen(() => undefined);
    await expect(
      createTcpTransport({ connectTimeoutMs: 300, proxy: { type: "socks5", host: "127.0.0.1", port } }).connect({
        dcId: 2,
        host: "127.0.0.1",
        port: dc.port,
      }),
    ).rejects.toMatchObject({ code: "CONNECT_TIMEOUT" });
  });
});
