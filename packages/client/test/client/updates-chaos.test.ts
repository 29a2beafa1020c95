// Chaos, scaled down (CHAOS_MESSAGES, default 100, one round of faults every CHAOS_PERIOD = 50
// messages; `pnpm soak` runs 10,000 with a round every 1,000): Alice writes to Bob
// while the server drops every connection, blackholes them (sockets open, nothing answered), and
// Bob's process is restarted, gracefully and with SIGKILL. Bob runs in a child process on SQLite
// and writes every message it is given to a file. None may be missing; duplicates only from the
// kills, at most one difference slice each (the documented at-least-once around a crash).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClient, startHarness, type Harness } from "./harness.js";
import { until } from "./scripted-updates.js";
import { linesOf, runUpdatesChild, type UpdatesChild } from "./updates-child-process.js";

const MESSAGES = Number(process.env.CHAOS_MESSAGES ?? "100");
const PERIOD = Number(process.env.CHAOS_PERIOD ?? "50");
const SLICE = 20;
const TOKEN = "53:chaos";
let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness({
    bots: [{ token: TOKEN, username: "chaos_bot", firstName: "Chaos" }],
    limits: { sliceSize: SLICE },
  });
  dir = mkdtempSync(join(tmpdir(), "mtkit-chaos-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const startBob = (session: string, out: string): UpdatesChild =>
  runUpdatesChild(h, TOKEN, { session, out }, { MTKIT_DEAD_MS: "1500" });
const ready = (bob: UpdatesChild) => (): boolean => bob.stdout().includes("ready");

describe("updates engine: chaos", () => {
  it(
    `${MESSAGES} messages through drops, blackholes and restarts: none lost`,
    async () => {
      const session = join(dir, "bob.session");
      const out = join(dir, "bob.txt");
      let bob = startBob(session, out);
      await until(ready(bob), "Bob to log in", 30_000);
      const alice = makeClient(h.server, { deadConnectionTimeoutMs: 1500, pingIntervalMs: 1500 });
      await alice.client.start({ phone: "9996630001", code: () => "33333", firstName: "Alice" });
      const peer = await alice.client.resolvePeer("@chaos_bot");

      let kills = 0;
      const expected: string[] = [];
      for (let i = 0; i < MESSAGES; i++) {
        const text = `chaos ${i}`;
        expected.push(text);
        await alice.client.invoke({ _: "messages.sendMessage", peer, message: text, randomId: BigInt(i + 1) });
        // One round of faults per period: a drop, a blackhole, a graceful restart, a kill.
        const step = i % PERIOD;
        if (step === Math.floor(PERIOD * 0.2)) await h.server.dropConnections();
        if (step === Math.floor(PERIOD * 0.4)) h.server.faults.silenceConnections();
        if (step === Math.floor(PERIOD * 0.6) || step === Math.floor(PERIOD * 0.9)) {
          const graceful = step === Math.floor(PERIOD * 0.6);
          bob.child.kill(graceful ? "SIGTERM" : "SIGKILL");
          expect(await bob.exited).toBe(graceful ? 0 : null);
          if (!graceful) kills++;
          bob = startBob(session, out);
          await until(ready(bob), "Bob to come back", 30_000);
        }
      }
      await until(() => new Set(linesOf(out)).size >= MESSAGES, "every message at Bob", 60_000 + MESSAGES * 20);
      bob.child.kill("SIGTERM");
      await bob.exited;
      await alice.client.disconnect();

      const received = linesOf(out);
      expect(new Set(received)).toEqual(new Set(expected));
      // In order: each message first arrives after the one before it.
      const firstSeen = [...new Set(received)];
      expect(firstSeen).toEqual(expected);
      expect(received.length - MESSAGES).toBeLessThanOrEqual(kills * SLICE);
    },
    Math.max(600_000, MESSAGES * 300),
  );
});
