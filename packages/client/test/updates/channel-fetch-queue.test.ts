import { describe, expect, it } from "vitest";
import { ChannelFetchQueue } from "../../src/updates/channel-fetch-queue.js";
import type { FetchSummary } from "../../src/updates/difference-runner.js";
import type { UpdatesFetchReason } from "../../src/updates/updates-events.js";

/** A queue whose fetches finish when the test says so. */
function harness(concurrency: number) {
  const started: { channelId: bigint; reason: UpdatesFetchReason; finish: (updates: number) => void }[] = [];
  let running = 0;
  let peak = 0;
  const queue = new ChannelFetchQueue(concurrency, (channelId, reason) => {
    running++;
    peak = Math.max(peak, running);
    return new Promise<FetchSummary>((resolve) => {
      started.push({
        channelId,
        reason,
        finish: (updates) => {
          running--;
          resolve({ slices: 1, updates });
        },
      });
    });
  });
  return { queue, started, peak: () => peak };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("ChannelFetchQueue", () => {
  it("runs at most `concurrency` fetches, one per channel, in the order asked", async () => {
    const { queue, started, peak } = harness(2);
    const results = [1n, 2n, 3n, 4n, 5n].map((id) => queue.request(id, "connect"));
    expect(started.map((s) => s.channelId)).toEqual([1n, 2n]);
    for (let i = 0; i < 5; i++) {
      started[i]!.finish(i);
      await tick();
    }
    expect((await Promise.all(results)).map((r) => r.updates)).toEqual([0, 1, 2, 3, 4]);
    expect(started.map((s) => s.channelId)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(peak()).toBe(2);
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it("joins a waiting fetch; queues one more behind a running one unless asked to join it", async () => {
    const { queue, started } = harness(1);
    const first = queue.request(7n, "gap");
    const waiting = queue.request(8n, "gap");
    expect(queue.request(8n, "too_long")).toBe(waiting);
    // 7 runs: a catch-up only needs a fetch still to answer, so it joins the running one...
    expect(queue.request(7n, "connect", true)).toBe(first);
    // ...while a gap noticed now may be behind what it already fetched, so one more fetch follows.
    const again = queue.request(7n, "too_long");
    expect(again).not.toBe(first);
    expect(queue.request(7n, "connect", true)).toBe(again);
    started[0]!.finish(1);
    await first;
    await tick();
    started[1]!.finish(2);
    await tick();
    started[2]!.finish(3);
    expect((await again).updates).toBe(3);
    expect(started.map((s) => [s.channelId, s.reason])).toEqual([
      [7n, "gap"],
      [8n, "gap"],
      [7n, "too_long"],
    ]);
  });

  it("a failed fetch rejects its callers and the queue goes on", async () => {
    const queue = new ChannelFetchQueue(1, (channelId) =>
      channelId === 1n ? Promise.reject(new Error("offline")) : Promise.resolve({ slices: 1, updates: 0 }),
    );
    const failed = queue.request(1n, "gap");
    const next = queue.request(2n, "gap");
    await expect(failed).rejects.toThrow("offline");
    await expect(next).resolves.toEqual({ slices: 1, updates: 0 });
  });
});
