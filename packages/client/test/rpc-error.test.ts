import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyRpcError, isRpcError, parseRpcErrorMessage, RpcError } from "../src/index.js";

describe("parseRpcErrorMessage", () => {
  it.each([
    ["FLOOD_WAIT_30", "FLOOD_WAIT", 30],
    ["FLOOD_PREMIUM_WAIT_7", "FLOOD_PREMIUM_WAIT", 7],
    ["PHONE_MIGRATE_5", "PHONE_MIGRATE", 5],
    ["FILE_MIGRATE_4", "FILE_MIGRATE", 4],
    ["FILE_PART_12_MISSING", "FILE_PART_MISSING", 12],
    ["SLOWMODE_WAIT_300", "SLOWMODE_WAIT", 300],
    ["INTERDC_2_CALL_ERROR", "INTERDC_CALL_ERROR", 2],
    ["PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN", "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_MIN", 5],
    ["SOME_FUTURE_ERROR_99", "SOME_FUTURE_ERROR", 99],
  ])("%s -> %s / %d", (message, name, argument) => {
    expect(parseRpcErrorMessage(message)).toEqual({ name, argument });
  });

  it.each([
    "PEER_ID_INVALID",
    "FLOOD_WAIT_",
    "FLOOD_WAIT_X",
    "FILE_PART__MISSING",
    "FLOOD_WAIT_99999999999",
    "_5",
    "",
    "Timeout",
  ])("%j carries no argument", (message) => {
    expect(parseRpcErrorMessage(message)).toEqual({ name: message, argument: undefined });
  });
});

describe("classifyRpcError", () => {
  it("sorts the documented classes", () => {
    expect(classifyRpcError(303, "USER_MIGRATE", 2)).toEqual({ kind: "migrate", dcId: 2, scope: "home" });
    expect(classifyRpcError(303, "NETWORK_MIGRATE", 3)).toEqual({ kind: "migrate", dcId: 3, scope: "home" });
    expect(classifyRpcError(303, "FILE_MIGRATE", 4)).toEqual({ kind: "migrate", dcId: 4, scope: "request" });
    expect(classifyRpcError(303, "STATS_MIGRATE", 1)).toEqual({ kind: "migrate", dcId: 1, scope: "request" });
    expect(classifyRpcError(420, "FLOOD_WAIT", 30)).toEqual({ kind: "flood", waitSeconds: 30, premium: false });
    expect(classifyRpcError(420, "FLOOD_PREMIUM_WAIT", 3)).toEqual({ kind: "flood", waitSeconds: 3, premium: true });
    expect(classifyRpcError(400, "SLOWMODE_WAIT", 10)).toEqual({ kind: "flood", waitSeconds: 10, premium: false });
    expect(classifyRpcError(401, "AUTH_KEY_UNREGISTERED", undefined)).toEqual({
      kind: "unauthorized",
      loggedOut: true,
    });
    expect(classifyRpcError(401, "SESSION_PASSWORD_NEEDED", undefined)).toEqual({
      kind: "unauthorized",
      loggedOut: false,
    });
    expect(classifyRpcError(500, "INTERNAL", undefined)).toEqual({ kind: "retryable" });
    expect(classifyRpcError(-503, "Timeout", undefined)).toEqual({ kind: "retryable" });
    expect(classifyRpcError(-500, "No workers running", undefined)).toEqual({ kind: "retryable" });
    expect(classifyRpcError(400, "PEER_ID_INVALID", undefined)).toEqual({ kind: "fatal" });
    expect(classifyRpcError(406, "AUTH_KEY_DUPLICATED", undefined)).toEqual({ kind: "fatal" });
    expect(classifyRpcError(420, "FLOOD", undefined)).toEqual({ kind: "fatal" });
    expect(classifyRpcError(303, "USER_MIGRATE", undefined)).toEqual({ kind: "fatal" });
  });
});

describe("RpcError", () => {
  it("carries code, stripped name, argument, raw message and method", () => {
    const error = RpcError.fromTl({ errorCode: 420, errorMessage: "FLOOD_WAIT_42" }, "messages.sendMessage");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 420,
      name: "FLOOD_WAIT",
      argument: 42,
      rawMessage: "FLOOD_WAIT_42",
      method: "messages.sendMessage",
    });
    expect(error.kind).toBe("flood");
    expect(error.message).toBe("FLOOD_WAIT_42 (420) in messages.sendMessage");
    expect(String(error)).toBe("FLOOD_WAIT: FLOOD_WAIT_42 (420) in messages.sendMessage");
    expect(error.is("FLOOD_WAIT", "FLOOD_PREMIUM_WAIT")).toBe(true);
    expect(error.is("PEER_ID_INVALID")).toBe(false);
    expect(isRpcError(error, "FLOOD_WAIT")).toBe(true);
    expect(isRpcError(new Error("FLOOD_WAIT"))).toBe(false);
  });

  it("keeps unknown errors usable", () => {
    const error = new RpcError(400, "BRAND_NEW_THING");
    expect(error).toMatchObject({ name: "BRAND_NEW_THING", argument: undefined, method: undefined, kind: "fatal" });
    expect(error.message).toBe("BRAND_NEW_THING (400)");
  });
});

describe("RpcError on arbitrary server text", () => {
  it("never throws and keeps the raw message (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 200 }), (code, message) => {
        const error = new RpcError(code, message);
        expect(error.rawMessage).toBe(message);
        expect(error.argument === undefined || (Number.isInteger(error.argument) && error.argument >= 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
