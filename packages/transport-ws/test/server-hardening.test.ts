import { connect, type Socket } from "node:net";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { WebSocketTransportServer } from "../src/index.js";

// A WebSocket server that hostile peers cannot hold: no upgrade without the `binary` subprotocol
// (https://core.telegram.org/mtproto/transports#websocket), and a peer that never answers our
// close frame is terminated after closeTimeoutMs instead of ws's own 30 s.
let server: WebSocketTransportServer;
const accepted: ServerConnectionLink[] = [];

beforeAll(async () => {
  server = await WebSocketTransportServer.listen({ crypto: createNodeCrypto(), closeTimeoutMs: 200 });
  server.onConnection((connection) => accepted.push(connection));
});

afterAll(async () => {
  await server.close();
});

/** Resolves with the HTTP status of the upgrade answer, or 101 once open. */
function upgradeStatus(protocols: string[] | undefined): Promise<number> {
  return new Promise((resolve) => {
    const socket =
      protocols === undefined
        ? new WebSocket(`ws://127.0.0.1:${server.port ?? 0}/`)
        : new WebSocket(`ws://127.0.0.1:${server.port ?? 0}/`, protocols);
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("error", () => undefined);
  });
}

describe("WebSocket server hardening", () => {
  it("refuses an upgrade without the binary subprotocol, before any connection exists", async () => {
    const before = accepted.length;
    expect(await upgradeStatus(undefined)).toBe(400);
    expect(await upgradeStatus(["chat", "superchat"])).toBe(400);
    expect(accepted.length).toBe(before);
    expect(await upgradeStatus(["chat", "binary"])).toBe(101);
  });

  it("terminates a peer that never answers the close frame", async () => {
    const before = accepted.length;
    const raw: Socket = connect(server.port ?? 0, "127.0.0.1");
    raw.on("error", () => undefined);
    const upgraded = new Promise<void>((resolve) => {
      raw.once("data", () => {
        resolve();
      });
    });
    raw.write(
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: binary\r\n\r\n",
    );
    await upgraded;
    await expect.poll(() => accepted.length).toBe(before + 1);
    // The raw peer reads our close frame and never answers it (nor sends FIN).
    const closedAt = new Promise<number>((resolve) =>
      raw.once("close", () => {
        resolve(Date.now());
      }),
    );
    const started = Date.now();
    void accepted.at(-1)!.close();
    expect((await closedAt) - started).toBeLessThan(10_000);
  }, 15_000);
});
