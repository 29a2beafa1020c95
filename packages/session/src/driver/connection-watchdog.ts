import { LivenessMonitor, type LivenessSettings } from "./liveness-monitor.js";
import type { DriverTimers } from "./transport.js";

/** What the watchdog asks of the driver. */
export interface WatchdogHooks {
  readonly now: () => number;
  readonly timers: DriverTimers;
  /** Requests or pings are waiting for an answer. */
  readonly busy: () => boolean;
  /** Send a ping now (a keep-alive, a probe while requests wait, or a test after a sleep). */
  readonly ping: (reason: "keep-alive" | "busy" | "suspect") => void;
  /** The timer fired `lateMs` late: the machine slept or the clock jumped. */
  readonly suspect: (lateMs: number) => void;
  /** Nothing arrived within a ping's deadline; the timer is already stopped. */
  readonly dead: (silentMs: number) => void;
}

/**
 * Binds a `LivenessMonitor` to one timer of the injected `DriverTimers`. The only per-packet cost
 * is `received()`: a clock read and two stores.
 */
export class ConnectionWatchdog {
  private readonly monitor: LivenessMonitor;
  private timer: unknown;

  constructor(
    settings: LivenessSettings,
    private readonly hooks: WatchdogHooks,
  ) {
    this.monitor = new LivenessMonitor(settings);
  }

  /** A connection opened: arm the timer. */
  start(): void {
    this.stop();
    this.arm(this.monitor.start(this.hooks.now()).nextCheckInMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.hooks.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  received(): void {
    this.monitor.received(this.hooks.now());
  }

  private arm(delayMs: number): void {
    this.timer = this.hooks.timers.setTimeout(() => {
      this.timer = undefined;
      this.fire();
    }, delayMs);
  }

  private fire(): void {
    const { action, nextCheckInMs } = this.monitor.check(this.hooks.now(), this.hooks.busy());
    if (action.type === "dead") {
      this.hooks.dead(action.silentMs);
      return;
    }
    this.arm(nextCheckInMs);
    if (action.type !== "ping") return;
    if (action.reason === "suspect") this.hooks.suspect(action.lateMs);
    this.hooks.ping(action.reason);
  }
}
