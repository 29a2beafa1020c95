// TODO(move to session): server salts with rotation; session's server-salts.ts is not exported yet.

export interface FutureSalt {
  readonly validSince: number;
  readonly validUntil: number;
  readonly salt: bigint;
}

/**
 * One salt per period of `periodSeconds`; the previous salt stays valid 1800 s after the switch, as
 * https://core.telegram.org/mtproto/description#server-salt says ("the old one is valid a further
 * 30 minutes"). Salts are drawn lazily so get_future_salts can announce them in advance.
 */
export class SaltSchedule {
  private readonly salts = new Map<number, bigint>();

  constructor(
    private readonly periodSeconds: number,
    private readonly randomSalt: () => bigint,
  ) {}

  private period(nowSeconds: number): number {
    return Math.floor(nowSeconds / this.periodSeconds);
  }

  private saltOf(period: number): bigint {
    let salt = this.salts.get(period);
    if (salt === undefined) {
      salt = this.randomSalt();
      this.salts.set(period, salt);
    }
    return salt;
  }

  /** The first salt from the handshake serves the period the key was made in. */
  seed(salt: bigint, nowSeconds: number): void {
    this.salts.set(this.period(nowSeconds), salt);
  }

  current(nowSeconds: number): bigint {
    this.forget(nowSeconds);
    return this.saltOf(this.period(nowSeconds));
  }

  isValid(salt: bigint, nowSeconds: number): boolean {
    const period = this.period(nowSeconds);
    if (salt === this.saltOf(period)) return true;
    const previous = this.salts.get(period - 1);
    return previous === salt && nowSeconds < period * this.periodSeconds + 1800;
  }

  /** Replaces the current salt (fault knob "force bad_server_salt"); the old one stops being valid. */
  rotateNow(nowSeconds: number): bigint {
    const period = this.period(nowSeconds);
    this.salts.delete(period - 1);
    const salt = this.randomSalt();
    this.salts.set(period, salt);
    return salt;
  }

  future(nowSeconds: number, count: number): FutureSalt[] {
    const first = this.period(nowSeconds);
    const out: FutureSalt[] = [];
    for (let period = first; period < first + count; period++) {
      const validSince = period * this.periodSeconds;
      out.push({ validSince, validUntil: validSince + this.periodSeconds + 1800, salt: this.saltOf(period) });
    }
    return out;
  }

  private forget(nowSeconds: number): void {
    const oldest = this.period(nowSeconds) - 1;
    for (const period of this.salts.keys()) if (period < oldest) this.salts.delete(period);
  }
}
