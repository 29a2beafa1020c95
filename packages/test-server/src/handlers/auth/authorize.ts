import type { auth_RawAuthorization } from "@mtkit/tl-core/api";
import type { RpcContext } from "../../api/rpc-context.js";
import { RpcError } from "../../api/rpc-error.js";
import { Authorizations } from "../../push/authorizations.js";
import { wireUser } from "../../wire/wire-objects.js";
import type { Account } from "../../world/types.js";
import type { HandlerDeps } from "../handler-deps.js";

/** Logs `account` in on this call's (DC, permanent key). */
export function authorize(deps: HandlerDeps, ctx: RpcContext, account: Account): auth_RawAuthorization {
  deps.authorizations.set(ctx, account.id);
  deps.login.awaitingPassword.delete(Authorizations.slotOf(ctx));
  return { _: "auth.authorization", user: wireUser(account, account.id) };
}

/** Accounts live on one DC; logging in elsewhere is answered with 303 (https://core.telegram.org/api/datacenter). */
export function requireHomeDc(ctx: RpcContext, homeDc: number, kind: "PHONE" | "USER"): void {
  if (ctx.dcId !== homeDc) throw new RpcError(303, `${kind}_MIGRATE_${homeDc}`);
}
