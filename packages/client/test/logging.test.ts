import { describe, expect, it } from "vitest";
import { RpcError } from "../src/errors/rpc-error.js";
import { describeClientEvent } from "../src/logging/describe-event.js";
import { createConsoleLogger, type LogLevel } from "../src/logging/logger.js";

function recordingSink(): {
  readonly lines: [LogLevel, string, unknown][];
  readonly sink: Record<LogLevel, (line: string, data?: unknown) => void>;
} {
  const lines: [LogLevel, string, unknown][] = [];
  const at =
    (level: LogLevel) =>
    (line: string, data?: unknown): void => {
      lines.push([level, line, data]);
    };
  return { lines, sink: { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") } };
}

describe("createConsoleLogger", () => {
  it("writes its level and the more severe ones, with timestamp and prefix", () => {
    const { lines, sink } = recordingSink();
    const logger = createConsoleLogger({
      level: "info",
      prefix: "[bot]",
      sink,
      now: () => Date.UTC(2026, 10, 27, 12, 0, 0),
    });
    logger.debug("hidden");
    logger.info("shown", { dcId: 2 });
    logger.warn("also shown");
    logger.error("and this");
    expect(lines.map(([level]) => level)).toEqual(["info", "warn", "error"]);
    expect(lines[0]).toEqual(["info", "2026-11-27T12:00:00.000Z INFO  [bot] shown", { dcId: 2 }]);
    expect(lines[1]?.[1]).toBe("2026-11-27T12:00:00.000Z WARN  [bot] also shown");
  });

  it("defaults to warn; silent writes nothing", () => {
    const quiet = recordingSink();
    const byDefault = createConsoleLogger({ sink: quiet.sink });
    byDefault.info("no");
    byDefault.warn("yes");
    expect(quiet.lines.map(([level]) => level)).toEqual(["warn"]);
    const silent = recordingSink();
    createConsoleLogger({ level: "silent", sink: silent.sink }).error("no");
    expect(silent.lines).toEqual([]);
  });
});

describe("describeClientEvent", () => {
  it("a flood wait is a warning that names the method, the error and the delay", () => {
    const error = new RpcError(420, "FLOOD_WAIT_3", "messages.sendMessage");
    expect(
      describeClientEvent({
        type: "wait",
        cause: "flood",
        method: "messages.sendMessage",
        error,
        delayMs: 3000,
        retry: 1,
      }),
    ).toEqual({
      level: "warn",
      message: "messages.sendMessage: FLOOD_WAIT_3, retrying in 3000 ms",
    });
  });

  it("connection events say which DC and connection", () => {
    expect(
      describeClientEvent({ type: "connection_lost", dcId: 2, media: true, reason: "nothing arrived for 15000 ms" })
        ?.message,
    ).toBe("DC 2 media: connection lost (nothing arrived for 15000 ms), reconnecting; unanswered requests are resent");
    expect(
      describeClientEvent({ type: "packet_rejected", dcId: 1, media: false, code: "MSG_ID_DUPLICATE" })?.level,
    ).toBe("warn");
    expect(describeClientEvent({ type: "update", dcId: 1, update: {} })).toBeUndefined();
  });
});
