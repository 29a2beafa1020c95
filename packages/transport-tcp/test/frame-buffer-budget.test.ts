import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  FrameBufferBudget,
  ServerConnection,
  TcpTransportServer,
  TransportError,
  type ServerConnectionLink,
} from "../src/index.js";

// One budget of partial-frame bytes shared by every connection of a listener: a flood of slowly
// sent maximal frames cannot make the server hold 2 MiB per connection. A frame counts with its
// announced size from its header on, so a frame that does not fit is refused before its body is read.
const KIB = 1024;
const MIB = 1024 * KIB;
/** Intermediate tag, then a header announcing a 1 MiB packet. */
const header = (): Uint8Array => Uint8Array.of(0xee, 0xee, 0xee, 0xee, 0, 0, 0x10, 0);

let server: TcpTransportServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof TransportError ? error.code : "untyped";
  }
  return "none";
}

describe("FrameBufferBudget", () => {
  it("sans IO: a frame counts from its header; the one that does not fit gets BUFFER_BUDGET; closing gives the share back", () => {
    const budget = new FrameBufferBudget(2 * MIB + 100);
    const a = new ServerConnection({ frameBufferBudget: budget });
    const b = new ServerConnection({ frameBufferBudget: budget });
    const c = new ServerConnection({ frameBufferBudget: budget });
    a.receive(header());
    expect(budget.usedBytes).toBe(MIB + 4); // announced, not yet received
    a.receive(new Uint8Array(400 * KIB));
    expect(budget.usedBytes).toBe(MIB + 4);
    b.receive(header());
    expect(codeOf(() => c.receive(header()))).toBe("BUFFER_BUDGET"); // refused at its header
    expect(budget.usedBytes).toBe(2 * (MIB + 4));
    a.receive(new Uint8Array(MIB - 400 * KIB)); // a's packet completes: its share goes
    expect(budget.usedBytes).toBe(MIB + 4);
    a.receive(Uint8Array.of(0, 0, 0x10, 0)); // the next frame's length only: the tag came once
    expect(budget.usedBytes).toBe(2 * (MIB + 4));
    a.release();
    b.release();
    expect(budget.usedBytes).toBe(0);
  });

  it("over TCP: frames past the budget close their connections at once; the others stay open", async () => {
    const budget = new FrameBufferBudget(2 * MIB + 100);
    server = await TcpTransportServer.listen({ frameBufferBudget: budget });
    const links: ServerConnectionLink[] = [];
    const closeErrors: string[] = [];
    server.onConnection((link) => {
      links.push(link);
      link.subscribe((event) => {
        if (event.type === "close")
          closeErrors.push(event.error instanceof TransportError ? event.error.code : "clean");
      });
    });
    const sockets: Socket[] = [];
    for (let i = 0; i < 4; i++) {
      const socket = connect(server.port, "127.0.0.1");
      socket.on("error", () => undefined);
      sockets.push(socket);
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(header());
      socket.write(new Uint8Array(100 * KIB));
      await expect.poll(() => links.length, { timeout: 5000 }).toBe(i + 1);
      await expect.poll(() => budget.usedBytes + closeErrors.length, { timeout: 5000 }).toBeGreaterThan(0);
    }
    // Two 1 MiB frames fit in 2 MiB; the third and fourth do not.
    await expect.poll(() => closeErrors.length, { timeout: 5000 }).toBe(2);
    expect(closeErrors).toEqual(["BUFFER_BUDGET", "BUFFER_BUDGET"]);
    expect(budget.usedBytes).toBe(2 * (MIB + 4));
    for (const socket of sockets) socket.destroy();
    await expect.poll(() => budget.usedBytes, { timeout: 5000 }).toBe(0);
  });
});
