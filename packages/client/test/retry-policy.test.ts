import { describe, expect, it } from "vitest";
import { decideRetry, DEFAULT_RETRY_POLICY, INITIAL_RETRY_STATE, RpcError } from "../src/index.js";

const policy = { ...DEFAULT_RETRY_POLICY, floodSleepThresholdSeconds: 60, maxFloodWaits: 2, maxServerErrorRetries: 3 };
const half = (): number => 0.5;

describe("decideRetry", () => {
  it("sleeps through a flood wait at or below the threshold", () => {
    expect(decideRetry(new RpcError(420, "FLOOD_WAIT_60"), INITIAL_RETRY_STATE, policy, half)).toEqual({
      action: "wait",
      cause: "flood",
      delayMs: 60_000,
      next: { floodWaits: 1, serverErrorRetries: 0 },
    });
    expect(decideRetry(new RpcError(420, "FLOOD_PREMIUM_WAIT_5"), INITIAL_RETRY_STATE, policy, half)).toMatchObject({
      delayMs: 5000,
    });
    expect(decideRetry(new RpcError(420, "FLOOD_WAIT_0"), INITIAL_RETRY_STATE, policy, half)).toMatchObject({
      delayMs: 1000,
    });
  });

  it("throws a flood wait above the threshold, and after too many waits", () => {
    expect(decideRetry(new RpcError(420, "FLOOD_WAIT_61"), INITIAL_RETRY_STATE, policy, half)).toEqual({
      action: "throw",
      reason: "flood_over_threshold",
    });
    expect(
      decideRetry(new RpcError(420, "FLOOD_WAIT_1"), { floodWaits: 2, serverErrorRetries: 0 }, policy, half),
    ).toEqual({
      action: "throw",
      reason: "retries_exhausted",
    });
  });

  it("backs off exponentially with bounded jitter on 500 and -503", () => {
    const delays = [0, 1, 2].map((retries) => {
      const decision = decideRetry(
        new RpcError(-503, "Timeout"),
        { floodWaits: 0, serverErrorRetries: retries },
        policy,
        () => 0,
      );
      return decision.action === "wait" ? decision.delayMs : -1;
    });
    expect(delays).toEqual([250, 500, 1000]);
    const top = decideRetry(
      new RpcError(500, "INTERNAL"),
      { floodWaits: 0, serverErrorRetries: 2 },
      policy,
      () => 0.999999,
    );
    expect(top).toMatchObject({ action: "wait", delayMs: 2000 });
    const capped = decideRetry(
      new RpcError(500, "X"),
      { floodWaits: 0, serverErrorRetries: 20 },
      { ...policy, maxServerErrorRetries: 99 },
      () => 1,
    );
    expect(capped).toMatchObject({ delayMs: DEFAULT_RETRY_POLICY.backoffMaxMs });
    expect(decideRetry(new RpcError(500, "X"), { floodWaits: 0, serverErrorRetries: 3 }, policy, half)).toEqual({
      action: "throw",
      reason: "retries_exhausted",
    });
  });

  it("never retries migrations, auth errors, fatal errors or non-RPC errors", () => {
    for (const error of [
      new RpcError(303, "USER_MIGRATE_2"),
      new RpcError(401, "AUTH_KEY_UNREGISTERED"),
      new RpcError(400, "PEER_ID_INVALID"),
    ]) {
      expect(decideRetry(error, INITIAL_RETRY_STATE, policy, half)).toEqual({
        action: "throw",
        reason: "not_retryable",
      });
    }
    expect(decideRetry(new Error("socket closed"), INITIAL_RETRY_STATE, policy, half)).toEqual({
      action: "throw",
      reason: "not_rpc_error",
    });
  });
});
