/**
 * Decides, from the times packets arrive and the times one watchdog timer fires, when the driver
 * must ping and when a connection that still looks open is dead. Sans-IO: the driver passes the
 * injected clock's `now`; this class owns no timer and sends nothing.
 *
 * Why: after a laptop sleeps or the network changes (NAT entry dropped, Wi-Fi switch) a TCP socket
 * can stay "open" while nothing ever arrives again. MTProto's answer is ping / pong
 * (https://core.telegram.org/mtproto/service_messages#ping-messages-pingpong): a connection that
 * does not answer a ping within a deadline is dropped and opened again.
 */
export interface LivenessSettings {
  /** Idle keep-alive period: a ping_delay_disconnect goes out when this long passed since the last one. */
  readonly pingIntervalMs: number;
  /** Silence after a ping that means the connection is dead. */
  readonly deadConnectionTimeoutMs: number;
}

/** Timer lateness below this is event-loop jitter, never a sleep (keeps loaded test machines quiet). */
const MIN_CLOCK_JUMP_MS = 1000;

export type LivenessAction =
  | { readonly type: "none" }
  /**
   * Send a ping now. `keep-alive`: the idle period passed; `busy`: requests wait and the server has
   * been silent for a tick; `suspect`: the timer fired `lateMs` late (sleep or clock jump; negative
   * when the clock went back).
   */
  | { readonly type: "ping"; readonly reason: "keep-alive" | "busy" | "suspect"; readonly lateMs: number }
  /** Nothing arrived within the deadline of the last ping: drop the connection and open a new one. */
  | { readonly type: "dead"; readonly silentMs: number };

export interface LivenessDecision {
  readonly action: LivenessAction;
  /** When the watchdog timer should fire next (ms from now). */
  readonly nextCheckInMs: number;
}

interface Probe {
  readonly sentAt: number;
  readonly deadlineMs: number;
}

export class LivenessMonitor {
  /** The watchdog period: short enough to notice a dead connection soon after its deadline. */
  readonly tickMs: number;
  /** The deadline of the ping sent after a sleep or clock jump: short, since the socket is suspect. */
  readonly suspectTimeoutMs: number;
  private lastReceivedAt = 0;
  private lastPingAt = 0;
  /** When the current watchdog timer was armed, and when it should fire. */
  private checkArmedAt = 0;
  private checkDueAt = 0;
  private probe: Probe | undefined;
  private heardSinceProbe = false;

  constructor(private readonly settings: LivenessSettings) {
    const third = Math.max(1, Math.ceil(settings.deadConnectionTimeoutMs / 3));
    this.tickMs = Math.max(1, Math.min(settings.pingIntervalMs, third));
    this.suspectTimeoutMs = third;
  }

  /** A connection just opened: it counts as alive now, and the first keep-alive is a period away. */
  start(now: number): LivenessDecision {
    this.lastReceivedAt = now;
    this.lastPingAt = now;
    this.probe = undefined;
    this.heardSinceProbe = false;
    return this.schedule(now, { type: "none" });
  }

  /** Any packet from the server is life. The hot path: two stores, no timer. */
  received(now: number): void {
    this.lastReceivedAt = now;
    this.heardSinceProbe = true;
  }

  /**
   * The watchdog timer fired. `busy`: requests or pings are waiting for answers. When the action is
   * `ping`, the caller sends it right away (this call already counts it as sent at `now`).
   */
  check(now: number, busy: boolean): LivenessDecision {
    const lateMs = now - this.checkDueAt;
    const expectedDelayMs = this.checkDueAt - this.checkArmedAt;
    if (now < this.checkArmedAt) {
      // The wall clock went back past the arming time: the times kept here lie in the future and
      // would hold off every ping and deadline. Start over from now, and test the socket.
      this.lastReceivedAt = Math.min(this.lastReceivedAt, now);
      return this.ping(now, "suspect", this.suspectTimeoutMs, lateMs);
    }
    // A timer that fires far later than asked means the process (or the machine) was asleep, or
    // the wall clock jumped: the socket may have died meanwhile, so test it now with a short deadline.
    if (lateMs > Math.max(2 * expectedDelayMs, MIN_CLOCK_JUMP_MS))
      return this.ping(now, "suspect", this.suspectTimeoutMs, lateMs);
    if (this.probe !== undefined) {
      if (this.heardSinceProbe) this.probe = undefined;
      else if (now - this.probe.sentAt >= this.probe.deadlineMs)
        return this.schedule(now, { type: "dead", silentMs: now - this.lastReceivedAt });
      else return this.schedule(now, { type: "none" });
    }
    if (now - this.lastPingAt >= this.settings.pingIntervalMs)
      return this.ping(now, "keep-alive", this.settings.deadConnectionTimeoutMs, 0);
    if (busy && now - this.lastReceivedAt >= this.tickMs)
      return this.ping(now, "busy", this.settings.deadConnectionTimeoutMs, 0);
    return this.schedule(now, { type: "none" });
  }

  private ping(
    now: number,
    reason: "keep-alive" | "busy" | "suspect",
    deadlineMs: number,
    lateMs: number,
  ): LivenessDecision {
    this.lastPingAt = now;
    this.probe = { sentAt: now, deadlineMs };
    this.heardSinceProbe = false;
    return this.schedule(now, { type: "ping", reason, lateMs });
  }

  private schedule(now: number, action: LivenessAction): LivenessDecision {
    let delay = this.tickMs;
    // Wake up right at a probe's deadline rather than up to a tick after it.
    if (this.probe !== undefined) delay = Math.min(delay, Math.max(1, this.probe.sentAt + this.probe.deadlineMs - now));
    this.checkArmedAt = now;
    this.checkDueAt = now + delay;
    return { action, nextCheckInMs: delay };
  }
}
