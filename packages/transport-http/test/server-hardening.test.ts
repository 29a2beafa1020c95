// Hostile HTTP against the server role: typed answers (HTTP statuses), bounded memory, no hang.
import { FrameBufferBudget } from "@mtkit/transport-tcp/codec";
import { afterEach, describe, expect, it } from "vitest";
import { HttpTransportServer } from "../src/index.js";
import { rawExchange } from "./helpers.js";

const servers: HttpTransportServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function listen(options: Parameters<typeof HttpTransportServer.listen>[0] = {}): Promise<HttpTransportServer> {
  const server = await HttpTransportServer.listen(options);
  servers.push(server);
  return server;
}

const post = (length: string, extra = ""): string =>
  `POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: ${length}\r\n${extra}\r\n`;

describe("HTTP server role under hostile input", () => {
  it("a huge Content-Length gets 413 before a byte of the body is read; nothing is reserved", async () => {
    const budget = new FrameBufferBudget(4 * 1024 * 1024);
    const server = await listen({ frameBufferBudget: budget });
    const { reply, closedByServer } = await rawExchange(server.port, [post("1000000000000")]);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(closedByServer).toBe(true);
    expect(budget.usedBytes).toBe(0);
    expect(server.linkCount).toBe(0);
  });

  it("a chunked body that grows past the cap gets 413 while it streams", async () => {
    const budget = new FrameBufferBudget(64 * 1024 * 1024);
    const server = await listen({ frameBufferBudget: budget, maxBodyBytes: 64 * 1024 });
    const chunk = `${(32 * 1024).toString(16)}\r\n${"a".repeat(32 * 1024)}\r\n`;
    const { reply } = await rawExchange(server.port, [
      "POST /api HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
      chunk,
      chunk,
      chunk,
      chunk,
    ]);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(budget.usedBytes).toBe(0);
  });

  it("bodies in flight share the budget: past it, 507 instead of more memory", async () => {
    const budget = new FrameBufferBudget(1000);
    const server = await listen({ frameBufferBudget: budget });
    const { reply } = await rawExchange(server.port, [post("4000"), "x".repeat(2000)], 1000);
    expect(reply).toMatch(/^HTTP\/1\.1 507/);
    expect(budget.usedBytes).toBe(0);
  });

  it("a slow body is cut off at the request deadline (408), not held for ever", async () => {
    const server = await listen({ requestTimeoutMs: 500 });
    const started = Date.now();
    const { reply, closedByServer } = await rawExchange(server.port, [post("100"), "abcd"], 10_000);
    expect(closedByServer).toBe(true);
    expect(reply === "" || reply.startsWith("HTTP/1.1 408")).toBe(true);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(server.linkCount).toBe(0);
  });

  it("garbage, other methods, other paths and short bodies get typed statuses", async () => {
    const server = await listen();
    expect((await rawExchange(server.port, ["\x00\x01\x02 garbage\r\n\r\n"])).reply).toMatch(/^HTTP\/1\.1 400/);
    expect(
      (await rawExchange(server.port, ["GET /api HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"])).reply,
    ).toMatch(/^HTTP\/1\.1 405/);
    expect(
      (await rawExchange(server.port, [post("8", "Connection: close\r\n"), "12345678"].map(String))).reply,
    ).toMatch(/^HTTP\/1\.1 200/);
    const other = await rawExchange(server.port, [
      "POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    ]);
    expect(other.reply).toMatch(/^HTTP\/1\.1 404/);
    const short = await rawExchange(server.port, [post("4", "Connection: close\r\n"), "abcd"]);
    expect(short.reply).toMatch(/^HTTP\/1\.1 404/); // not an MTProto packet: -404
  });

  it("a link whose client never polls is closed once too many packets wait", async () => {
    const server = await listen({ maxQueuedPackets: 2 });
    let closed = false;
    server.onConnection((link) => {
      link.subscribe((event) => {
        if (event.type === "close") closed = true;
        if (event.type === "packet")
          setTimeout(() => {
            for (let i = 0; i < 5; i++) link.send(Uint8Array.of(i)).catch(() => undefined);
          }, 50);
      });
    });
    await rawExchange(server.port, [post("8", "Connection: close\r\n"), "12345678"], 300);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(server.linkCount).toBe(0);
  });
});
