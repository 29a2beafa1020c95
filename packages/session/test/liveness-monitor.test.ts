import { describe, expect, it } from "vitest";
import { LivenessMonitor, type LivenessDecision } from "../src/index.js";

/** A monitor on a hand-driven clock, checked exactly when it asked to be (unless a test says otherwise). */
function driven(settings = { pingIntervalMs: 60_000, deadConnectionTimeoutMs: 15_000 }) {
  const monitor = new LivenessMonitor(settings);
  let now = 1_000_000;
  let next: LivenessDecision = monitor.start(now);
  return {
    monitor,
    get now() {
      return now;
    },
    /** Fires the watchdog when it is due, `lateMs` later than asked. */
    check(busy = false, lateMs = 0): LivenessDecision {
      now += next.nextCheckInMs + lateMs;
      next = monitor.check(now, busy);
      return next;
    },
    /** A packet arrives now (between two checks). */
    receive(): void {
      monitor.received(now);
    },
  };
}

describe("LivenessMonitor", () => {
  it("ticks every third of the dead-connection timeout (or every ping period when that is shorter)", () => {
    expect(new LivenessMonitor({ pingIntervalMs: 60_000, deadConnectionTimeoutMs: 15_000 }).tickMs).toBe(5000);
    expect(new LivenessMonitor({ pingIntervalMs: 1000, deadConnectionTimeoutMs: 15_000 }).tickMs).toBe(1000);
    expect(driven().monitor.start(0).nextCheckInMs).toBe(5000);
  });

  it("idle: a keep-alive ping once per period, nothing else while the server answers", () => {
    const w = driven();
    const actions: string[] = [];
    for (let i = 0; i < 24; i++) {
      const { action } = w.check();
      actions.push(action.type === "ping" ? action.reason : action.type);
      if (action.type === "ping") w.receive(); // the pong
    }
    expect(actions.filter((a) => a === "keep-alive")).toHaveLength(2); // 24 ticks of 5 s = 120 s
    expect(actions.filter((a) => a !== "keep-alive" && a !== "none")).toEqual([]);
  });

  it("declares the connection dead when nothing arrives within the timeout after a ping", () => {
    const w = driven();
    let decision = w.check();
    while (decision.action.type !== "ping") decision = w.check();
    const pingAt = w.now;
    const seen: string[] = [];
    while (decision.action.type !== "dead") {
      decision = w.check();
      seen.push(decision.action.type);
      expect(seen.length).toBeLessThan(10);
    }
    expect(w.now - pingAt).toBe(15_000);
    expect(decision.action).toEqual({ type: "dead", silentMs: w.now - (pingAt - 60_000) });
    expect(seen.slice(0, -1).every((type) => type === "none")).toBe(true);
  });

  it("counts any packet after the ping as life, not only the pong", () => {
    const w = driven();
    let decision = w.check();
    while (decision.action.type !== "ping") decision = w.check();
    w.check();
    w.check(); // 10 s of silence after the ping
    w.receive(); // e.g. an update, not the pong
    for (let i = 0; i < 5; i++) expect(w.check().action.type).not.toBe("dead");
  });

  it("while requests wait and the server is silent for a tick, pings at once instead of after the period", () => {
    const w = driven();
    expect(w.check(true).action).toEqual({ type: "ping", reason: "busy", lateMs: 0 });
    expect(w.check(true).action.type).toBe("none"); // its answer is awaited, no second ping
    w.receive(); // the pong
    expect(w.check(false).action.type).toBe("none"); // not busy: nothing to do
  });

  it("a busy connection that never answers is dead one timeout after its probe", () => {
    const w = driven();
    w.check(true); // probe at +5 s
    let decision = w.check(true);
    while (decision.action.type !== "dead") decision = w.check(true);
    expect(decision.action.silentMs).toBe(20_000);
  });

  it("a timer that fires far too late (sleep, clock jump) pings at once with a short deadline", () => {
    const w = driven();
    const woke = w.check(false, 10 * 60_000);
    expect(woke.action).toEqual({ type: "ping", reason: "suspect", lateMs: 10 * 60_000 });
    expect(woke.nextCheckInMs).toBe(w.monitor.suspectTimeoutMs);
    const dead = w.check();
    expect(dead.action.type).toBe("dead");
  });

  it("after a clock jump, an answer to the suspect ping keeps the connection", () => {
    const w = driven();
    w.check(false, 3_600_000);
    w.receive();
    expect(w.check().action.type).toBe("none");
    expect(w.check().action.type).toBe("none");
  });

  it("a clock that went back starts over from the new time instead of holding off pings and deadlines", () => {
    const w = driven();
    const back = w.check(false, -3_600_000); // fired an hour "before" it was armed
    expect(back.action).toMatchObject({ type: "ping", reason: "suspect" });
    expect(w.check().action.type).toBe("dead"); // the deadline still counts, from the new time
  });

  it("event-loop jitter is no clock jump", () => {
    const w = driven({ pingIntervalMs: 60_000, deadConnectionTimeoutMs: 300 }); // ticks every 100 ms
    expect(w.check(false, 900).action.type).toBe("none"); // 9 ticks late, but under a second
    expect(w.check(false, 1500).action.type).toBe("ping");
  });

  it("wakes up at the probe deadline rather than a whole tick after it", () => {
    const w = driven({ pingIntervalMs: 60_000, deadConnectionTimeoutMs: 10_000 }); // tick 3334 ms
    expect(w.check(true).action.type).toBe("ping");
    const probeAt = w.now;
    let decision = w.check(true);
    while (decision.action.type !== "dead") decision = w.check(true);
    expect(w.now - probeAt).toBe(10_000); // ticks at +3334, +6668, then the deadline itself
  });
});
