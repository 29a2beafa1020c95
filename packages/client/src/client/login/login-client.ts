import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RawUser } from "@mtkit/tl-core/api";
import type { Invoke } from "../../messages/context.js";
import type { ClientStorage } from "../../storage/types.js";
import type { UpdatesEngine } from "../../updates/updates-engine.js";

/** What the login functions use of the client (https://core.telegram.org/api/auth). */
export interface LoginClient {
  readonly invoke: Invoke;
  readonly apiId: number;
  readonly apiHash: string;
  /** For the SRP check of a 2FA password. */
  readonly crypto: CryptoProvider;
  readonly storage: ClientStorage;
  /** A login starts the updates engine from the account's state. */
  readonly updates: Pick<UpdatesEngine, "start" | "started">;
  connect(): Promise<void>;
  getMe(): Promise<RawUser>;
}
