// The server times its side of each auth-key handshake (issue 13: under a flood on a loaded machine
// the client's figure is mostly the machine's). Real handshakes over TCP against the test server.
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { HandshakeTimings } from "../src/server/handshake-timings.js";
import { createKey } from "./helpers/mtkit-client.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("handshake timings", () => {
  it("each auth key made is timed: the server's own work within the time from first packet to key", async () => {
    server = await TestServer.start();
    const timings = server.dcs[0]!.handshakeTimings;
    await createKey(server);
    await createKey(server);
    const summary = timings.takeSummary();
    expect(summary?.count).toBe(2);
    expect(summary!.workMs.median).toBeGreaterThan(0);
    expect(summary!.workCpuMs.median).toBeGreaterThan(0);
    expect(summary!.workMs.max).toBeLessThanOrEqual(summary!.elapsedMs.max);
    expect(timings.takeSummary()).toBeUndefined(); // taken: the next summary starts afresh
  });

  it("keeps only the last `capacity` handshakes", () => {
    const timings = new HandshakeTimings(3);
    for (const ms of [100, 100, 1, 2, 3]) timings.record({ workMs: ms, workCpuMs: ms, elapsedMs: ms });
    expect(timings.takeSummary()).toEqual({
      count: 3,
      workMs: { median: 2, max: 3 },
      workCpuMs: { median: 2, max: 3 },
      elapsedMs: { median: 2, max: 3 },
    });
  });
});
