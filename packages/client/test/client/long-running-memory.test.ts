// "Memory that grows in long-running clients" is a top complaint about other libraries. Whatever a
// request leaves behind (a listener on a long-lived signal, a map entry, a timer) adds up over
// millions of calls; here 30,000 calls must not grow the heap by more than a few bytes each.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClient, startHarness, type Harness } from "./harness.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe("a long-running client", () => {
  it("keeps nothing per request: 20,000 calls (short path, caller signals, errors) grow the heap by < 24 bytes each", async () => {
    const { client } = makeClient(h.server);
    await client.connect();
    const controller = new AbortController();
    const batch = async (calls: number): Promise<void> => {
      for (let done = 0; done < calls; done += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, i) => {
            // Every 10th call takes the general path (a caller signal), every 50th fails with 400.
            if (i % 50 === 0)
              return client.invoke({ _: "users.getUsers", id: [{ _: "inputUserEmpty" }] }).catch(() => undefined);
            return client.invoke({ _: "help.getNearestDc" }, i % 10 === 0 ? { signal: controller.signal } : {});
          }),
        );
      }
    };
    // Warm-up: JIT code, and the bounded windows (replay window, recent ids, cached answers) fill.
    await batch(10_000);
    const before = await settledHeap();
    await batch(30_000);
    const after = await settledHeap();
    await client.disconnect();
    // One bigint kept per request (msg ids of answered containers, as once happened) measured 50 B.
    expect((after - before) / 30_000).toBeLessThan(24);
  }, 60_000);
});
