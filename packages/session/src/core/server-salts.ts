import type { FutureSalt } from "./salts.js";

/**
 * Server salts, server side: https://core.telegram.org/mtproto/description#server-salt
 * The salt changes every `periodSeconds`; a client using the previous salt is still accepted for
 * 1800 s after the change ("the old salt remains valid for 1800 more seconds").
 * Salts are derived from a per-key secret list filled by injected randomness.
 */
export class ServerSaltSchedule {
  private readonly salts = new Map<number, bigint>();

  constructor(
    private readonly randomSalt: () => bigint,
    readonly periodSeconds = 3600,
    readonly graceSeconds = 1800,
  ) {}

  private slot(nowSeconds: number): number {
    return Math.floor(nowSeconds / this.periodSeconds);
  }

  private saltOf(slot: number): bigint {
    let salt = this.salts.get(slot);
    if (salt === undefined) {
      salt = this.randomSalt();
      this.salts.set(slot, salt);
    }
    return salt;
  }

  /** Forgets slots that can never be valid again, so memory stays bounded. */
  private prune(nowSeconds: number): void {
    const oldest = this.slot(nowSeconds - this.graceSeconds) - 1;
    for (const slot of this.salts.keys()) if (slot < oldest) this.salts.delete(slot);
  }

  current(nowSeconds: number): bigint {
    this.prune(nowSeconds);
    return this.saltOf(this.slot(nowSeconds));
  }

  /** Whether a client's salt is acceptable now (current, or previous within the grace period). */
  isValid(salt: bigint, nowSeconds: number): boolean {
    const slot = this.slot(nowSeconds);
    if (this.saltOf(slot) === salt) return true;
    const sinceChange = nowSeconds - slot * this.periodSeconds;
    return sinceChange < this.graceSeconds && this.salts.get(slot - 1) === salt;
  }

  /** `count` salts starting with the current one (get_future_salts, 1..64). */
  future(nowSeconds: number, count: number): FutureSalt[] {
    const n = Math.min(64, Math.max(1, count));
    const first = this.slot(nowSeconds);
    const out: FutureSalt[] = [];
    for (let slot = first; slot < first + n; slot++) {
      out.push({
        validSince: slot * this.periodSeconds,
        validUntil: (slot + 1) * this.periodSeconds,
        salt: this.saltOf(slot),
      });
    }
    return out;
  }
}
