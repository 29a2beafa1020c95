import type { ServerAuthKeyRecord } from "./key-store.js";

/**
 * Before auth.bindTempAuthKey succeeds, a temporary key may only call a few methods
 * (https://core.telegram.org/api/pfs); everything else gets 401 AUTH_KEY_PERM_EMPTY.
 */
const ALLOWED_UNBOUND = new Set(["auth.bindTempAuthKey", "help.getConfig", "help.getNearestDc"]);

/** Wrappers whose `query` is the call that really runs. */
const WRAPPERS = new Set([
  "invokeWithLayer",
  "initConnection",
  "invokeWithoutUpdates",
  "invokeAfterMsg",
  "invokeAfterMsgs",
]);

export function innermostQuery(request: { readonly _: string }): { readonly _: string } {
  let current = request;
  for (let depth = 0; depth < 8 && WRAPPERS.has(current._); depth++) {
    const query = (current as { readonly query?: unknown }).query;
    if (typeof query !== "object" || query === null || !("_" in query)) break;
    current = query as { readonly _: string };
  }
  return current;
}

export function isAllowedForKey(record: ServerAuthKeyRecord, request: { readonly _: string }): boolean {
  if (record.expiresAt === undefined || record.boundPermKeyId !== undefined) return true;
  return ALLOWED_UNBOUND.has(innermostQuery(request)._);
}
