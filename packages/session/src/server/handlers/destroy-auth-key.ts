import type { ServerHandlerContext } from "../server-context.js";

/**
 * destroy_auth_key (logout, https://core.telegram.org/mtproto/auth_key): answer destroy_auth_key_ok
 * under the key itself, then forget the key, so every later packet with it gets -404.
 */
export function serveDestroyAuthKey(ctx: ServerHandlerContext, msgId: bigint): void {
  const { session } = ctx;
  const keyId = session.keyRecord.authKey.idLong;
  session.running.add(msgId);
  session.sendResult(msgId, { _: "destroy_auth_key_ok" });
  ctx.keys.delete(keyId);
  ctx.emit({ type: "auth-key-destroyed", authKeyId: keyId });
}
