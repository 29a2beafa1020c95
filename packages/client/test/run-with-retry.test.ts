import { getEventListeners } from "node:events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  abortableSleep,
  CancelledError,
  ClientLifetime,
  DEFAULT_RETRY_POLICY,
  RpcError,
  runWithRetry,
  type RetryEvent,
  type Sleep,
} from "../src/index.js";

/** A sleep that records requested delays and resolves at once (or never, to test cancellation). */
function recordingSleep(mode: "instant" | "forever" = "instant"): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  const sleep: Sleep = (ms) => {
    delays.push(ms);
    return mode === "instant" ? Promise.resolve() : new Promise<void>(() => undefined);
  };
  return { sleep, delays };
}

const base = { policy: DEFAULT_RETRY_POLICY, random: () => 0.5 };

describe("runWithRetry", () => {
  it("retries a flood wait and a -503, reporting every wait", async () => {
    const { sleep, delays } = recordingSleep();
    const events: RetryEvent[] = [];
    const failures = [new RpcError(420, "FLOOD_WAIT_3"), new RpcError(-503, "Timeout")];
    let calls = 0;
    const result = await runWithRetry(
      () => {
        calls++;
        const failure = failures.shift();
        return failure === undefined ? Promise.resolve("ok") : Promise.reject(failure);
      },
      { ...base, sleep, lifetime: new ClientLifetime(), method: "help.getConfig", onEvent: (e) => events.push(e) },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(delays).toEqual([3000, 375]);
    expect(events.map((e) => e.type === "wait" && [e.cause, e.delayMs, e.retry, e.method, e.error.name])).toEqual([
      ["flood", 3000, 1, "help.getConfig", "FLOOD_WAIT"],
      ["server_error", 375, 2, "help.getConfig", "Timeout"],
    ]);
  });

  it("throws a flood wait above the threshold at once and says why", async () => {
    const { sleep, delays } = recordingSleep();
    const events: RetryEvent[] = [];
    const flood = new RpcError(420, "FLOOD_WAIT_3600");
    await expect(
      runWithRetry(() => Promise.reject(flood), {
        ...base,
        sleep,
        lifetime: new ClientLifetime(),
        onEvent: (e) => events.push(e),
      }),
    ).rejects.toBe(flood);
    expect(delays).toEqual([]);
    expect(events).toEqual([{ type: "give_up", reason: "flood_over_threshold", method: undefined, error: flood }]);
  });

  it("stops waiting the moment the client lifetime ends (no loop outlives disconnect)", async () => {
    const lifetime = new ClientLifetime();
    let calls = 0;
    const running = runWithRetry(
      () => {
        calls++;
        return Promise.reject(new RpcError(420, "FLOOD_WAIT_5"));
      },
      { ...base, sleep: abortableSleep, lifetime },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    lifetime.end("user called disconnect()");
    const error: unknown = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(error).toMatchObject({ code: "DISCONNECTED", reason: "user called disconnect()" });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(1);
  });

  it("does not wait for an injected sleep or attempt that ignores the signal", async () => {
    const lifetime = new ClientLifetime();
    const { sleep } = recordingSleep("forever");
    const sleeping = runWithRetry(() => Promise.reject(new RpcError(500, "INTERNAL")), { ...base, sleep, lifetime });
    const hanging = runWithRetry(() => new Promise<never>(() => undefined), { ...base, sleep, lifetime });
    lifetime.end();
    await expect(sleeping).rejects.toMatchObject({ code: "DISCONNECTED" });
    await expect(hanging).rejects.toMatchObject({ code: "DISCONNECTED" });
  });

  it("honours the caller's AbortSignal and never starts after the lifetime ended", async () => {
    const controller = new AbortController();
    controller.abort("stop");
    let calls = 0;
    const attempt = (): Promise<number> => Promise.resolve(++calls);
    await expect(
      runWithRetry(attempt, {
        ...base,
        sleep: abortableSleep,
        lifetime: new ClientLifetime(),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({
      code: "ABORTED",
      reason: "stop",
    });
    const ended = new ClientLifetime();
    ended.end();
    ended.end();
    await expect(runWithRetry(attempt, { ...base, sleep: abortableSleep, lifetime: ended })).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(calls).toBe(0);
  });

  it("passes the combined signal to the attempt", async () => {
    const lifetime = new ClientLifetime();
    let seen: AbortSignal | undefined;
    const running = runWithRetry(
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
      { ...base, sleep: abortableSleep, lifetime },
    );
    lifetime.end();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(seen?.aborted).toBe(true);
  });
});

describe("runWithRetry and long-lived signals", () => {
  it("leaves no listener on the lifetime or the caller's signal after a run (no per-request leak)", async () => {
    const lifetime = new ClientLifetime();
    const caller = new AbortController();
    const { sleep } = recordingSleep();
    for (let i = 0; i < 1000; i++) {
      let failed = false;
      await runWithRetry(
        () => {
          if (failed) return Promise.resolve(i);
          failed = true;
          return Promise.reject(new RpcError(500, "INTERNAL"));
        },
        { ...base, sleep, lifetime, signal: caller.signal },
      );
      await runWithRetry(() => Promise.reject(new Error("boom")), { ...base, sleep, lifetime }).catch(() => undefined);
    }
    expect(getEventListeners(lifetime.signal, "abort")).toHaveLength(0);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });
});

describe("abortableSleep", () => {
  it("resolves after the delay and rejects at once on abort", async () => {
    const controller = new AbortController();
    await expect(abortableSleep(1, controller.signal)).resolves.toBeUndefined();
    const waiting = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "ABORTED" });
    await expect(abortableSleep(1, controller.signal)).rejects.toMatchObject({ code: "ABORTED" });
  });
});

describe("runWithRetry bounds (property)", () => {
  it("never makes more than 1 + maxFloodWaits + maxServerErrorRetries attempts, whatever the server says", async () => {
    const failure = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((s) => new RpcError(420, `FLOOD_WAIT_${s}`)),
      fc.constantFrom(
        new RpcError(500, "INTERNAL"),
        new RpcError(-503, "Timeout"),
        new RpcError(400, "PEER_ID_INVALID"),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(failure, { maxLength: 30 }), async (failures) => {
        const queue = [...failures];
        let calls = 0;
        const { sleep } = recordingSleep();
        await runWithRetry(
          () => {
            calls++;
            const next = queue.shift();
            return next === undefined ? Promise.resolve("ok") : Promise.reject(next);
          },
          { ...base, sleep, lifetime: new ClientLifetime() },
        ).catch(() => undefined);
        expect(calls).toBeLessThanOrEqual(
          1 + DEFAULT_RETRY_POLICY.maxFloodWaits + DEFAULT_RETRY_POLICY.maxServerErrorRetries,
        );
      }),
      { numRuns: 300 },
    );
  });
});
