/**
 * Server salts, client side: https://core.telegram.org/mtproto/description#server-salt
 * The current salt goes into every message; future salts (get_future_salts) let us switch without
 * a bad_server_salt round trip when the current one expires.
 */
export interface FutureSalt {
  readonly validSince: number;
  readonly validUntil: number;
  readonly salt: bigint;
}

export class ClientSalts {
  private future: FutureSalt[] = [];

  constructor(private salt = 0n) {}

  get current(): bigint {
    return this.salt;
  }

  /** A salt told by the server (bad_server_salt, new_session_created, handshake). */
  set(salt: bigint): void {
    this.salt = salt;
  }

  /** Stores a future_salts answer, newest information replacing the old list. */
  setFuture(salts: readonly FutureSalt[]): void {
    this.future = [...salts].sort((a, b) => a.validSince - b.validSince);
  }

  /**
   * Switches to the newest future salt already valid at `nowSeconds` and returns the current salt.
   * Past entries are dropped so the list never grows.
   */
  currentAt(nowSeconds: number): bigint {
    while (this.future.length > 0) {
      const first = this.future[0]!;
      if (first.validUntil <= nowSeconds) {
        this.future.shift();
        continue;
      }
      if (first.validSince <= nowSeconds) this.salt = first.salt;
      break;
    }
    return this.salt;
  }

  /** Seconds of future salts still ahead; the driver asks for more when this gets short. */
  coverageSeconds(nowSeconds: number): number {
    const last = this.future.at(-1);
    return last === undefined ? 0 : Math.max(0, last.validUntil - nowSeconds);
  }
}
