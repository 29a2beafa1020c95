import { ServerSaltSchedule } from "@mtkit/session";

/**
 * The DC's salt schedule (session's `ServerSaltSchedule`) plus the "force bad_server_salt" knob:
 * the next `rejectNext` salt checks fail, so clients get bad_server_salt and must retry.
 */
export class KnobSaltSchedule extends ServerSaltSchedule {
  rejectNext = 0;
  /** How many salts the knob rejected (tests check the knob fired). */
  rejected = 0;

  override isValid(salt: bigint, nowSeconds: number): boolean {
    if (this.rejectNext > 0) {
      this.rejectNext--;
      this.rejected++;
      return false;
    }
    return super.isValid(salt, nowSeconds);
  }
}
