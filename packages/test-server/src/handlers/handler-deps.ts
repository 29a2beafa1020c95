import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import type { Authorizations } from "../push/authorizations.js";
import type { UpdatePusher } from "../push/update-pusher.js";
import type { TestServer } from "../server/test-server.js";
import type { Wire } from "../wire/wire.js";
import type { Account } from "../world/types.js";
import type { World } from "../world/world.js";
import { WorldError } from "../world/world-error.js";
import type { LoginState } from "./auth/login-state.js";
import type { MediaSlot } from "./media-host.js";

/** Limits of the update answers (https://core.telegram.org/api/updates). */
export interface DifferenceLimits {
  /** Events per updates.differenceSlice when the client sets no pts_limit. */
  readonly sliceSize: number;
  /** Past this many missed events, updates.differenceTooLong. */
  readonly tooLongAfter: number;
  /** Past this many missed channel events, updates.channelDifferenceTooLong. */
  readonly channelTooLongAfter: number;
  /** Pushes a session may leave unacknowledged; the next one becomes updatesTooLong (https://core.telegram.org/api/updates). */
  readonly pushBacklog: number;
}

/** What every handler shares. */
export interface HandlerDeps {
  readonly server: TestServer;
  readonly world: World;
  readonly wire: Wire;
  readonly authorizations: Authorizations;
  readonly pusher: UpdatePusher;
  readonly crypto: CryptoProvider;
  readonly login: LoginState;
  /** DC of accounts created by auth.signUp (test numbers 99966XYYYY live on DC X). */
  readonly defaultHomeDc: number;
  readonly limits: DifferenceLimits;
  /** The files slice's media, once `installFiles(server, { world })` attached it. */
  readonly media: MediaSlot;
}

/** The account logged in on this call's key, or 401 AUTH_KEY_UNREGISTERED (https://core.telegram.org/api/errors). */
export function requireAccount(deps: HandlerDeps, ctx: RpcContext): Account {
  if (ctx.permAuthKeyId === undefined) throw new RpcError(401, "AUTH_KEY_PERM_EMPTY");
  const userId = deps.authorizations.accountOf(ctx.dcId, ctx.permAuthKeyId);
  const account = userId === undefined ? undefined : deps.world.accounts.get(userId);
  if (account === undefined) throw new RpcError(401, "AUTH_KEY_UNREGISTERED");
  return account;
}

/** Runs a world operation for the calling session: world rule violations become 400 errors, and the caller is left out of the pushes. */
export function act<T>(deps: HandlerDeps, ctx: RpcContext, operation: () => T): T {
  try {
    return deps.pusher.during(ctx, operation);
  } catch (error) {
    if (error instanceof WorldError) throw new RpcError(400, error.code);
    throw error;
  }
}

export function randomLong(crypto: CryptoProvider): bigint {
  const bytes = crypto.randomFill(new Uint8Array(8));
  return new DataView(bytes.buffer).getBigInt64(0, true) & 0x7fff_ffff_ffff_ffffn;
}
