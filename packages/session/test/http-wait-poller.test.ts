// The long poll the driver keeps on request-response transports (HTTP), driven by a hand clock.
import { describe, expect, it } from "vitest";
import { HttpWaitPoller } from "../src/driver/http-wait-poller.js";
import type { DriverTimers } from "../src/driver/transport.js";

function setup(options: { maxWaitMs?: number; minPollGapMs?: number } = {}) {
  let now = 0;
  let idle: (() => void) | undefined;
  const timers: { at: number; run: () => void }[] = [];
  const fakeTimers: DriverTimers = {
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
  };
  const polls: { at: number; maxWaitMs: number }[] = [];
  const poller = new HttpWaitPoller(
    {
      onIdle: (listener) => {
        idle = listener;
        return () => {
          idle = undefined;
        };
      },
    },
    options,
    { now: () => now, timers: fakeTimers, sendPoll: (maxWaitMs) => polls.push({ at: now, maxWaitMs }) },
  );
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { poller, polls, advance, idle: () => idle?.(), timers };
}

describe("HttpWaitPoller", () => {
  it("sends one http_wait when the connection is up and a new one each time the transport goes idle", () => {
    const { poller, polls, advance, idle } = setup();
    poller.start();
    expect(polls).toEqual([{ at: 0, maxWaitMs: 25_000 }]);
    advance(25_000);
    idle(); // the poll came back empty after max_wait
    expect(polls).toHaveLength(2);
    poller.received();
    idle(); // came back at once, with data: renewed at once
    expect(polls).toHaveLength(3);
  });

  it("never a busy loop: a poll that came back empty at once is renewed only after minPollGapMs", () => {
    const { poller, polls, advance, idle } = setup({ minPollGapMs: 1000 });
    poller.start();
    advance(10);
    idle(); // a server that does not hold polls
    expect(polls).toHaveLength(1);
    advance(989);
    expect(polls).toHaveLength(1);
    advance(1);
    expect(polls).toHaveLength(2);
    idle();
    idle(); // idle twice: still one timer, one poll
    advance(1000);
    expect(polls).toHaveLength(3);
  });

  it("stops polling while the connection is down and for good once disposed", () => {
    const { poller, polls, advance, idle, timers } = setup();
    poller.start();
    idle();
    poller.stop();
    advance(5000);
    idle();
    expect(polls).toHaveLength(1);
    expect(timers).toHaveLength(0);
    poller.start();
    expect(polls).toHaveLength(2);
    poller.dispose();
    advance(5000);
    idle();
    expect(polls).toHaveLength(2);
  });
});
