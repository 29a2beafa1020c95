import type { AuthKey } from "@mtkit/mtproto-crypto";
import type { SaltSchedule } from "./salt-schedule.js";
import type { ServerSession } from "./server-session.js";

/** What initConnection told us about the client app (https://core.telegram.org/method/initConnection). */
export interface ClientInfo {
  readonly apiId: number;
  readonly deviceModel: string;
  readonly systemVersion: string;
  readonly appVersion: string;
  readonly langCode: string;
}

/** Server state for one auth key of one DC. */
export interface AuthKeyRecord {
  readonly authKey: AuthKey;
  readonly dcId: number;
  readonly createdAt: number;
  /** Unix seconds; set for temporary (PFS) keys. */
  readonly expiresAt: number | undefined;
  readonly salts: SaltSchedule;
  readonly sessions: Map<bigint, ServerSession>;
  /** For a temporary key: the permanent key it was bound to with auth.bindTempAuthKey. */
  boundPermKeyId: bigint | undefined;
  /** Layer announced with invokeWithLayer; answers use it where constructor ids differ. */
  layer: number | undefined;
  client: ClientInfo | undefined;
  /** Fault knob: the next message under this key gets bad_server_salt. */
  forceBadSalt: boolean;
}
