/**
 * Message identifiers: https://core.telegram.org/mtproto/description#message-identifier-msg-id
 *
 * msg_id ≈ unixtime · 2^32 with a non-empty fractional part; client ids are divisible by 4, server
 * ids are 1 mod 4 for responses and 3 mod 4 otherwise; ids of one sender strictly increase. The
 * clock is corrected by the offset to the server's time (learnt from the handshake, from
 * bad_msg_notification 16/17 and from every incoming msg_id).
 */

export type MsgIdRole = "client" | "server";

const TWO_32 = 0x1_0000_0000n;

export class MsgIdClock {
  /** Server time minus local time, in milliseconds. */
  private offsetMs = 0;
  private last = 0n;

  constructor(
    private readonly now: () => number,
    readonly role: MsgIdRole = "client",
  ) {}

  /** The corrected current time in milliseconds. */
  serverNowMs(): number {
    return this.now() + this.offsetMs;
  }

  /** The corrected current time in whole seconds (for server_time, salts, expires_at). */
  serverNowSeconds(): number {
    return Math.floor(this.serverNowMs() / 1000);
  }

  get timeOffsetMs(): number {
    return this.offsetMs;
  }

  /** Sets the offset from a server unix time in seconds (e.g. server_DH_inner_data.server_time). */
  syncToServerSeconds(serverTime: number): void {
    this.offsetMs = serverTime * 1000 - this.now();
  }

  /** Sets the offset from a server msg_id, whose upper 32 bits are its unix time. */
  syncToMsgId(serverMsgId: bigint): void {
    const ms = Number(serverMsgId / TWO_32) * 1000 + Math.floor((Number(serverMsgId % TWO_32) * 1000) / 2 ** 32);
    this.offsetMs = ms - this.now();
    // Ids must stay increasing after a backwards correction, but not jump to the old future.
    this.last = 0n;
  }

  setOffsetMs(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  /**
   * The next id. `kind` matters only for the server: 'response' (≡1 mod 4) answers a client
   * message, 'other' (≡3 mod 4) is sent on the server's own initiative.
   */
  next(kind: "response" | "other" = "other"): bigint {
    const ms = this.serverNowMs();
    const seconds = BigInt(Math.floor(ms / 1000));
    // Fractional part of the second in units of 2^-32 s keeps ids monotone with time.
    const fraction = BigInt(Math.floor(((ms % 1000) / 1000) * 2 ** 32));
    const residue = this.role === "client" ? 0n : kind === "response" ? 1n : 3n;
    let id = ((seconds * TWO_32 + fraction) & ~3n) | residue;
    if (id <= this.last) {
      id = ((this.last + 4n) & ~3n) | residue;
      if (id <= this.last) id += 4n;
    }
    this.last = id;
    return id;
  }

  /** Unix seconds encoded in a msg_id. */
  static secondsOf(msgId: bigint): number {
    return Number(msgId / TWO_32);
  }
}
