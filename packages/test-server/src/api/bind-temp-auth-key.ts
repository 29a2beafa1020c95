import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { decryptMessageV1 } from "@mtkit/mtproto-crypto";
import type { auth } from "@mtkit/tl-core/api";
import type { AuthKeyRecord } from "../session/auth-key-record.js";
import type { ServerSession } from "../session/server-session.js";
import { TlBytesReader } from "../wire/tl-reader.js";
import { RpcError } from "./rpc-error.js";

const BIND_AUTH_KEY_INNER = 0x75a3f765;

/**
 * Server side of https://core.telegram.org/method/auth.bindTempAuthKey: the MTProto 1.0 message
 * encrypted with the permanent key must carry the request's msg_id and a bind_auth_key_inner that
 * names this temp key, this session, the request's nonce, perm key id and expires_at.
 */
// TODO(move to session): the server-side check of the binding message.
export function bindTempAuthKey(
  crypto: CryptoProvider,
  findKey: (id: bigint) => AuthKeyRecord | undefined,
  session: ServerSession,
  msgId: bigint,
  request: auth.RawBindTempAuthKeyRequest,
): boolean {
  const temp = session.record;
  if (temp.expiresAt === undefined) throw new RpcError(400, "TEMP_AUTH_KEY_EMPTY");
  if (temp.boundPermKeyId !== undefined) throw new RpcError(400, "TEMP_AUTH_KEY_ALREADY_BOUND");
  const perm = findKey(request.permAuthKeyId);
  if (perm === undefined || perm.expiresAt !== undefined) throw new RpcError(400, "ENCRYPTED_MESSAGE_INVALID");
  try {
    const plain = new TlBytesReader(decryptMessageV1(crypto, perm.authKey, request.encryptedMessage));
    plain.raw(16); // random128
    const ok =
      plain.long() === msgId &&
      plain.int() === 0 &&
      plain.int() === 40 &&
      plain.id() === BIND_AUTH_KEY_INNER &&
      plain.long() === request.nonce &&
      plain.long() === temp.authKey.idLong &&
      plain.long() === request.permAuthKeyId &&
      plain.long() === session.id &&
      plain.int() === request.expiresAt;
    if (!ok) throw new RpcError(400, "ENCRYPTED_MESSAGE_INVALID");
  } catch (error) {
    if (error instanceof RpcError) throw error;
    throw new RpcError(400, "ENCRYPTED_MESSAGE_INVALID");
  }
  temp.boundPermKeyId = request.permAuthKeyId;
  return true;
}
