import { encryptMessageV1, type AuthKey, type CryptoProvider } from "@mtkit/mtproto-crypto";
import type { SessionCodec } from "../tl/codec.js";
import { concatBytes, writeInt32LE, writeInt64LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * auth.bindTempAuthKey (https://core.telegram.org/method/auth.bindTempAuthKey): the binding
 * message bind_auth_key_inner is wrapped like an MTProto 1.0 message — random128 ‖ msg_id (the
 * bindTempAuthKey request's own msg_id) ‖ seqno 0 ‖ length 40 ‖ data — and encrypted with the
 * *permanent* key, then sent over the temporary key and session.
 */
export interface BindParams {
  readonly permKey: AuthKey;
  readonly tempKey: AuthKey;
  readonly tempSessionId: bigint;
  readonly nonce: bigint;
  /** Unix seconds; the temporary key's expiry. */
  readonly expiresAt: number;
}

export const BIND_INNER_LENGTH = 40;

/** The 32-byte header of the MTProto 1.0 wrapper around bind_auth_key_inner. */
export function bindEnvelopeHeader(random16: Uint8Array, msgId: bigint): Uint8Array {
  const header = new Uint8Array(32);
  header.set(random16.subarray(0, 16), 0);
  writeInt64LE(header, 16, msgId);
  writeInt32LE(header, 24, 0);
  writeInt32LE(header, 28, BIND_INNER_LENGTH);
  return header;
}

/** Builds the auth.bindTempAuthKey request for a request sent with `msgId`. */
export function buildBindTempAuthKey(
  crypto: CryptoProvider,
  codec: SessionCodec,
  params: BindParams,
  msgId: bigint,
  random16: Uint8Array,
): {
  readonly _: "auth.bindTempAuthKey";
  permAuthKeyId: bigint;
  nonce: bigint;
  expiresAt: number;
  encryptedMessage: Uint8Array;
} {
  const inner = codec.encode({
    _: "bind_auth_key_inner",
    nonce: params.nonce,
    tempAuthKeyId: params.tempKey.idLong,
    permAuthKeyId: params.permKey.idLong,
    tempSessionId: params.tempSessionId,
    expiresAt: params.expiresAt,
  });
  const plaintext = concatBytes(bindEnvelopeHeader(random16, msgId), inner);
  return {
    _: "auth.bindTempAuthKey",
    permAuthKeyId: params.permKey.idLong,
    nonce: params.nonce,
    expiresAt: params.expiresAt,
    encryptedMessage: encryptMessageV1(crypto, params.permKey, plaintext),
  };
}
