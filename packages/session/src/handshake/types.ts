import type { AuthKey } from "@mtkit/mtproto-crypto";

/** What a finished auth-key creation yields, for either role. */
export interface HandshakeResult {
  readonly authKey: AuthKey;
  /** first server_salt = new_nonce[0..8] XOR server_nonce[0..8]. */
  readonly serverSalt: bigint;
  /** Server time minus local time in ms, from server_DH_inner_data.server_time. */
  readonly timeOffsetMs: number;
  /** Unix seconds when a temporary key expires; undefined for a permanent key. */
  readonly expiresAt: number | undefined;
  readonly dcId: number;
}
