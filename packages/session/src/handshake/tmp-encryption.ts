import { deriveTmpAesKeyIv, unwrapWithHash, wrapWithHash, type CryptoProvider } from "@mtkit/mtproto-crypto";
import { HandshakeError } from "../errors.js";
import type { SessionCodec } from "../tl/codec.js";

/**
 * The inner DH messages travel as AES-256-IGE(SHA1(data) ‖ data ‖ padding) under tmp_aes_key/iv
 * derived from the nonces: https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication
 */
export interface TmpNonces {
  readonly serverNonce: Uint8Array;
  readonly newNonce: Uint8Array;
}

export function sealTmp(crypto: CryptoProvider, nonces: TmpNonces, data: Uint8Array, padding: Uint8Array): Uint8Array {
  const tmp = deriveTmpAesKeyIv(crypto, nonces.serverNonce, nonces.newNonce);
  return crypto.aesIgeEncrypt(wrapWithHash(crypto, data, padding), tmp.key, tmp.iv);
}

/** Decrypts, checks the SHA-1 and decodes one TL object; every failure is a typed HandshakeError. */
export function openTmp(
  crypto: CryptoProvider,
  codec: SessionCodec,
  nonces: TmpNonces,
  encrypted: Uint8Array,
  step: string,
): { readonly _: string } {
  if (encrypted.length === 0 || encrypted.length % 16 !== 0) {
    throw new HandshakeError("BAD_ENCRYPTED_ANSWER", "encrypted data length is not a multiple of 16", step);
  }
  const tmp = deriveTmpAesKeyIv(crypto, nonces.serverNonce, nonces.newNonce);
  let data: Uint8Array;
  try {
    data = unwrapWithHash(crypto, crypto.aesIgeDecrypt(encrypted, tmp.key, tmp.iv));
  } catch {
    throw new HandshakeError("ANSWER_HASH_MISMATCH", "SHA1 of the decrypted data does not match", step);
  }
  try {
    return codec.decode(data) as { readonly _: string };
  } catch (cause) {
    throw new HandshakeError("MALFORMED_MESSAGE", `decrypted data undecodable: ${String(cause)}`, step);
  }
}
