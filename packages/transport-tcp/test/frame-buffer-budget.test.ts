import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FrameBufferBudget, ServerConnection, TcpTransportServer, TransportError, type ServerConnectionLink } from "../src/index.js";

// One budget of partial-frame bytes shared by every connection of a listener: a flood of slowly
// sent maximal frames cannot make the server hold 2 MiB per connection.
const KIB = 1024;
/** Intermediate tag, then a header announcing a 1 MiB packet. */
const header = (): Uint8Array => Uint8Array.of(0xee, 0xee, 0xee, 0xee, 0, 0, 0x10, 0);

let server: TcpTransportServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("FrameBufferBudget", () => {
  it("sans IO: the connection that would pass the budget gets BUFFER_BUDGET, and closing gives its share back", () => {
    const budget = new FrameBufferBudget(600 * KIB);
    const a = new ServerConnection({ frameBufferBudget: budget });
    const b = new ServerConnection({ frameBufferBudget: budget });
    a.receive(header());
    a.receive(new Uint8Array(400 * KIB));
    expect(budget.usedBytes).toBe(400 * KIB + 4); // the length header counts too
    b.receive(header());
    let caught: unknown;
    try {
      b.receive(new Uint8Array(300 * KIB));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TransportError);
    expect((caught as TransportError).code).toBe("BUFFER_BUDGET");
    expect(budget.usedBytes).toBe(400 * KIB + 4); // the length header counts too
    a.receive(new Uint8Array(1024 * KIB - 400 * KIB)); // a's packet completes: its bytes leave the budget
    expect(budget.usedBytes).toBe(0);
    a.receive(Uint8Array.of(0, 0, 0x10, 0)); // the next frame's length only: the tag came once
    expect(budget.usedBytes).toBe(4);
    a.release();
    expect(budget.usedBytes).toBe(0);
  });

  it("over TCP: partial frames past the budget close their connections; the others stay open", async () => {
    const budget = new FrameBufferBudget(1024 * KIB);
    server = await TcpTransportServer.listen({ frameBufferBudget: budget });
    const links: ServerConnectionLink[] = [];
    const closeErrors: string[] = [];
    server.onConnection((link) => {
      links.push(link);
      link.subscribe((event) => {
        if (event.type === "close") closeErrors.push(event.error instanceof TransportError ? event.error.code : "clean");
      });
    });
    const sockets: Socket[] = [];
    for (let i = 0; i < 4; i++) {
      const socket = connect(server.port, "127.0.0.1");
      socket.on("error", () => undefined);
      sockets.push(socket);
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(header());
      socket.write(new Uint8Array(400 * KIB));
      await expect.poll(() => budget.usedBytes + closeErrors.length * 400 * KIB, { timeout: 5000 }).toBeGreaterThanOrEqual((i + 1) * 400 * KIB);
    }
    // 2 x 400 KiB fit in 1 MiB; the third and fourth would not.
    await expect.poll(() => closeErrors.length, { timeout: 5000 }).toBe(2);
    expect(closeErrors).toEqual(["BUFFER_BUDGET", "BUFFER_BUDGET"]);
    expect(budget.usedBytes).toBe(2 * (400 * KIB + 4));
    for (const socket of sockets) socket.destroy();
    await expect.poll(() => budget.usedBytes, { timeout: 5000 }).toBe(0);
  });
});
