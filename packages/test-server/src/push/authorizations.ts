import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import type { WorldStore } from "../store/world-store.js";

/**
 * Which account is logged in on which (DC, permanent auth key): a call on a temporary key counts for
 * the permanent key it is bound to (https://core.telegram.org/api/pfs).
 */
export class Authorizations {
  constructor(private readonly store: WorldStore) {}

  /** The slot of a call, or 401 AUTH_KEY_PERM_EMPTY on an unbound temporary key. */
  static slotOf(ctx: Pick<RpcContext, "dcId" | "permAuthKeyId">): string {
    if (ctx.permAuthKeyId === undefined) throw new RpcError(401, "AUTH_KEY_PERM_EMPTY");
    return slot(ctx.dcId, ctx.permAuthKeyId);
  }

  accountOf(dcId: number, permAuthKeyId: bigint): bigint | undefined {
    return this.store.table("authorizations").get("", slot(dcId, permAuthKeyId))?.userId;
  }

  set(ctx: Pick<RpcContext, "dcId" | "permAuthKeyId">, userId: bigint): void {
    this.store.table("authorizations").put("", Authorizations.slotOf(ctx), { userId });
  }

  delete(ctx: Pick<RpcContext, "dcId" | "permAuthKeyId">): void {
    this.store.table("authorizations").delete("", Authorizations.slotOf(ctx));
  }

  get count(): number {
    return this.store.table("authorizations").count("");
  }
}

const slot = (dcId: number, permAuthKeyId: bigint): string => `${dcId}:${permAuthKeyId}`;
