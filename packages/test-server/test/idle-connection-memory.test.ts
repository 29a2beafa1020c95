// Issue 13, scaled down (the full flood is `pnpm --filter @mtkit/bench run bench:hostile`): what an
// accepted connection that never sends a whole packet (a slowloris) costs the server's heap. Its
// session core is made only on the first packet and its three deadlines share one timer. Measured
// here (the sources run by tsx) such a connection held ~8.9 KiB of heap before, ~5.4 KiB now; the
// built code, 5.9 and 4.2 KiB (a bare node:net socket: ~1 KiB).
import { fork, type ChildProcess } from "node:child_process";
import { connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

type Report =
  | { readonly type: "ready"; readonly port: number; readonly heapUsed: number }
  | { readonly type: "measured"; readonly heapUsed: number; readonly connections: number };

const CONNECTIONS = 400;
const sockets: Socket[] = [];
let child: ChildProcess | undefined;
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  child?.kill();
});

function next(from: ChildProcess): Promise<Report> {
  return new Promise((resolve) => {
    from.once("message", (message: Report) => {
      resolve(message);
    });
  });
}

describe("an idle connection's cost (scaled down)", () => {
  it("stays under 7 KiB of the server's heap per connection", async () => {
    const server = fork(fileURLToPath(new URL("fixtures/idle-connections-server.ts", import.meta.url)), [], {
      execArgv: ["--expose-gc", "--import", "tsx"],
    });
    child = server;
    const ready = await next(server);
    if (ready.type !== "ready") throw new Error("unexpected message");
    const open = async (count: number): Promise<number> => {
      for (let i = 0; i < count; i++) {
        const socket = connect(ready.port, "127.0.0.1");
        socket.on("error", () => undefined);
        sockets.push(socket);
        await new Promise((resolve) => socket.once("connect", resolve));
        socket.write(Uint8Array.of(0x42)); // the first byte of an obfuscation header, and no more
      }
      let measured: Report;
      do {
        await new Promise((resolve) => setTimeout(resolve, 100));
        server.send("measure");
        measured = await next(server);
      } while (measured.type === "measured" && measured.connections < sockets.length);
      return measured.heapUsed;
    };
    // The first connections also pay for compiling the code they run: measured past them.
    const warm = await open(100);
    const perConnection = ((await open(CONNECTIONS)) - warm) / CONNECTIONS;
    expect(perConnection).toBeLessThan(7 * 1024);
    server.send("stop");
  }, 60_000);
});
