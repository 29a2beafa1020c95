import { decryptMessageV1 } from "@mtkit/mtproto-crypto";
import type { RawBindAuthKeyInner } from "@mtkit/tl-core/mtproto";
import { BIND_INNER_LENGTH } from "../../core/bind-temp-auth-key.js";
import { readInt32LE, readInt64LE } from "@mtkit/mtproto-crypto/bytes";
import type { ServerHandlerContext } from "../server-context.js";

export interface BindRequest {
  readonly _: "auth.bindTempAuthKey";
  readonly permAuthKeyId: bigint;
  readonly nonce: bigint;
  readonly expiresAt: number;
  readonly encryptedMessage: Uint8Array;
}

const BOOL_TRUE = Uint8Array.of(0xb5, 0x75, 0x72, 0x99);

/**
 * Server side of auth.bindTempAuthKey: decrypt the MTProto 1.0 binding message with the permanent
 * key and check every field against the request and the connection it came on (temp key id,
 * session id, the request's own msg_id). https://core.telegram.org/method/auth.bindTempAuthKey
 */
export function serveBindTempAuthKey(ctx: ServerHandlerContext, request: BindRequest, msgId: bigint): void {
  const { session } = ctx;
  const tempRecord = session.keyRecord;
  const error = checkBinding(ctx, request, msgId);
  if (error !== undefined) {
    session.sendError(msgId, 400, error);
    return;
  }
  tempRecord.boundPermKeyId = request.permAuthKeyId;
  session.sendRawResult(msgId, BOOL_TRUE);
  ctx.emit({ type: "temp-key-bound", tempKeyId: tempRecord.authKey.idLong, permKeyId: request.permAuthKeyId });
}

/** Returns the error name, or undefined when the binding message is valid. */
function checkBinding(ctx: ServerHandlerContext, request: BindRequest, msgId: bigint): string | undefined {
  const { session } = ctx;
  const tempRecord = session.keyRecord;
  if (tempRecord.expiresAt === undefined) return "TEMP_AUTH_KEY_EMPTY";
  if (tempRecord.boundPermKeyId !== undefined && tempRecord.boundPermKeyId !== request.permAuthKeyId)
    return "TEMP_AUTH_KEY_ALREADY_BOUND";
  const permRecord = ctx.keys.get(request.permAuthKeyId);
  if (permRecord === undefined || permRecord.expiresAt !== undefined) return "ENCRYPTED_MESSAGE_INVALID";
  let inner: { readonly _: string };
  try {
    const plaintext = decryptMessageV1(session.state.env.crypto, permRecord.authKey, request.encryptedMessage);
    if (
      readInt64LE(plaintext, 16) !== msgId ||
      readInt32LE(plaintext, 24) !== 0 ||
      readInt32LE(plaintext, 28) !== BIND_INNER_LENGTH
    ) {
      return "ENCRYPTED_MESSAGE_INVALID";
    }
    inner = session.state.codec.decode(plaintext.subarray(32)) as { readonly _: string };
  } catch {
    return "ENCRYPTED_MESSAGE_INVALID";
  }
  if (inner._ !== "bind_auth_key_inner") return "ENCRYPTED_MESSAGE_INVALID";
  const bind = inner as RawBindAuthKeyInner;
  const valid =
    bind.nonce === request.nonce &&
    bind.expiresAt === request.expiresAt &&
    bind.tempAuthKeyId === tempRecord.authKey.idLong &&
    bind.permAuthKeyId === request.permAuthKeyId &&
    bind.tempSessionId === session.sessionId;
  return valid ? undefined : "ENCRYPTED_MESSAGE_INVALID";
}
