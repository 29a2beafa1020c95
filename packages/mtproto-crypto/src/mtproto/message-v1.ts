/**
 * MTProto 1.0 message crypto, still needed for the bind_auth_key_inner message of
 * auth.bindTempAuthKey (https://core.telegram.org/method/auth.bindTempAuthKey) and defined in
 * https://core.telegram.org/mtproto/description_v1: msg_key = SHA1(plaintext without padding)[4..20],
 * SHA1-based key/iv derivation, 0..15 bytes of padding.
 */
import type { CryptoProvider } from "../provider.js";
import { bytesEqual, concatBytes, readInt32LE } from "../util/bytes.js";
import type { AuthKey } from "./auth-key.js";
import { MessageCryptoError } from "./message-crypto-error.js";
import type { AesKeyIv } from "./message-keys.js";

export function deriveAesKeyIvV1(crypto: CryptoProvider, authKey: Uint8Array, msgKey: Uint8Array, x: 0 | 8): AesKeyIv {
  const a = crypto.sha1(concatBytes(msgKey, authKey.subarray(x, x + 32)));
  const b = crypto.sha1(concatBytes(authKey.subarray(32 + x, 48 + x), msgKey, authKey.subarray(48 + x, 64 + x)));
  const c = crypto.sha1(concatBytes(authKey.subarray(64 + x, 96 + x), msgKey));
  const d = crypto.sha1(concatBytes(msgKey, authKey.subarray(96 + x, 128 + x)));
  return {
    key: concatBytes(a.subarray(0, 8), b.subarray(8, 20), c.subarray(4, 16)),
    iv: concatBytes(a.subarray(8, 20), b.subarray(0, 8), c.subarray(16, 20), d.subarray(0, 8)),
  };
}

export function computeMsgKeyV1(crypto: CryptoProvider, plaintext: Uint8Array): Uint8Array {
  return crypto.sha1(plaintext).slice(4, 20);
}

/**
 * Encrypts `plaintext` (random128 ‖ msg_id ‖ seqno ‖ length ‖ data for the bind message) the
 * MTProto 1.0 way with x = 0 (client to server): auth_key_id ‖ msg_key ‖ AES-IGE(plaintext ‖ pad).
 */
export function encryptMessageV1(
  crypto: CryptoProvider,
  authKey: AuthKey,
  plaintext: Uint8Array,
  padding?: Uint8Array,
): Uint8Array {
  const paddingLength = (16 - (plaintext.length % 16)) % 16;
  const pad = padding ?? crypto.randomFill(new Uint8Array(paddingLength));
  if (pad.length !== paddingLength) {
    throw new MessageCryptoError(
      "INVALID_PADDING",
      `MTProto 1.0 needs exactly ${paddingLength} padding bytes`,
      pad.length,
    );
  }
  const msgKey = computeMsgKeyV1(crypto, plaintext);
  const { key, iv } = deriveAesKeyIvV1(crypto, authKey.key, msgKey, 0);
  return concatBytes(authKey.id, msgKey, crypto.aesIgeEncrypt(concatBytes(plaintext, pad), key, iv));
}

/**
 * Server side: decrypts an MTProto 1.0 client message and checks auth_key_id and msg_key.
 * Returns the plaintext without padding (length from message_data_length at offset 28).
 */
export function decryptMessageV1(crypto: CryptoProvider, authKey: AuthKey, packet: Uint8Array): Uint8Array {
  if (packet.length < 24 + 32 || (packet.length - 24) % 16 !== 0) {
    throw new MessageCryptoError("PACKET_TOO_SHORT", "MTProto 1.0 packet has an invalid length", packet.length);
  }
  if (!bytesEqual(packet.subarray(0, 8), authKey.id)) {
    throw new MessageCryptoError("AUTH_KEY_ID_MISMATCH", "auth_key_id does not match the key", packet.length);
  }
  const msgKey = packet.subarray(8, 24);
  const { key, iv } = deriveAesKeyIvV1(crypto, authKey.key, msgKey, 0);
  const padded = crypto.aesIgeDecrypt(packet.subarray(24), key, iv);
  const dataLength = readInt32LE(padded, 28);
  if (
    dataLength < 0 ||
    dataLength % 4 !== 0 ||
    32 + dataLength > padded.length ||
    padded.length - 32 - dataLength > 15
  ) {
    throw new MessageCryptoError("MSG_KEY_MISMATCH", "MTProto 1.0 message failed its checks", packet.length);
  }
  const plaintext = padded.subarray(0, 32 + dataLength);
  if (!bytesEqual(computeMsgKeyV1(crypto, plaintext), msgKey)) {
    throw new MessageCryptoError("MSG_KEY_MISMATCH", "msg_key does not match the decrypted plaintext", packet.length);
  }
  return plaintext;
}
