/** What happens to one pushed update on its way to a session. */
export type UpdateFaultKind = "drop" | "duplicate" | "reorder" | "delay";

interface Armed {
  readonly kind: UpdateFaultKind;
  readonly ms: number;
  remaining: number;
}

/**
 * Knobs on pushed updates (never on RPC answers): drop, duplicate, reorder (held back and sent after
 * the next one) or delay the next pushes, and force updates.differenceTooLong /
 * updates.channelDifferenceTooLong answers, so a client's gap recovery can be tested
 * (https://core.telegram.org/api/updates#recovering-gaps).
 */
export class UpdateFaults {
  private armed: Armed[] = [];
  private held: (() => void) | undefined;
  private tooLong = 0;
  private channelTooLong = 0;

  /** The next `times` pushes are lost. */
  drop(times = 1): void {
    this.armed.push({ kind: "drop", ms: 0, remaining: times });
  }

  /** The next `times` pushes arrive twice. */
  duplicate(times = 1): void {
    this.armed.push({ kind: "duplicate", ms: 0, remaining: times });
  }

  /** The next push is held back and sent right after the one that follows it (`times` pairs). */
  reorder(times = 1): void {
    this.armed.push({ kind: "reorder", ms: 0, remaining: times });
  }

  /** The next `times` pushes are sent `ms` later. */
  delay(ms: number, times = 1): void {
    this.armed.push({ kind: "delay", ms, remaining: times });
  }

  /** The next `times` updates.getDifference calls answer updates.differenceTooLong. */
  forceDifferenceTooLong(times = 1): void {
    this.tooLong += times;
  }

  /** The next `times` updates.getChannelDifference calls answer updates.channelDifferenceTooLong. */
  forceChannelDifferenceTooLong(times = 1): void {
    this.channelTooLong += times;
  }

  takeDifferenceTooLong(): boolean {
    if (this.tooLong === 0) return false;
    this.tooLong--;
    return true;
  }

  takeChannelDifferenceTooLong(): boolean {
    if (this.channelTooLong === 0) return false;
    this.channelTooLong--;
    return true;
  }

  clear(): void {
    this.armed = [];
    this.held = undefined;
    this.tooLong = 0;
    this.channelTooLong = 0;
  }

  /** Sends one push through the armed knobs. */
  route(send: () => void): void {
    const armed = this.armed.find((knob) => knob.remaining > 0);
    if (armed !== undefined) {
      armed.remaining--;
      this.armed = this.armed.filter((knob) => knob.remaining > 0);
    }
    const held = this.held;
    this.held = undefined;
    switch (armed?.kind) {
      case "drop":
        break;
      case "duplicate":
        send();
        send();
        break;
      case "reorder":
        this.held = send;
        break;
      case "delay":
        setTimeout(send, armed.ms).unref();
        break;
      case undefined:
        send();
    }
    held?.();
  }
}
