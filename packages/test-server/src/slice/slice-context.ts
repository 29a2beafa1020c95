import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import { authKeyOf, type AccountState, type SliceUser } from "./account-state.js";

/** What the handlers share. */
export interface SliceDeps {
  readonly state: AccountState;
  readonly crypto: CryptoProvider;
  /** DC of accounts created by auth.signUp. */
  readonly defaultHomeDc: number;
}

/** The authorization slot of this call: the DC and the permanent key (a bound temp key counts as its perm key). */
export function slotOf(ctx: RpcContext): string {
  // https://core.telegram.org/api/pfs: an unbound temp key may only call a few methods.
  if (ctx.permAuthKeyId === undefined) throw new RpcError(401, "AUTH_KEY_PERM_EMPTY");
  return authKeyOf(ctx.dcId, ctx.permAuthKeyId);
}

/** The logged-in user of this call, or 401 AUTH_KEY_UNREGISTERED (https://core.telegram.org/api/errors#401-unauthorized). */
export function requireUser(deps: SliceDeps, ctx: RpcContext): SliceUser {
  const userId = deps.state.authorizations.get(slotOf(ctx));
  const user = userId === undefined ? undefined : deps.state.users.get(userId);
  if (user === undefined) throw new RpcError(401, "AUTH_KEY_UNREGISTERED");
  return user;
}

export function randomLong(crypto: CryptoProvider): bigint {
  const bytes = crypto.randomFill(new Uint8Array(8));
  return new DataView(bytes.buffer).getBigInt64(0, true) & 0x7fff_ffff_ffff_ffffn;
}
