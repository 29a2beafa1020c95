/**
 * Secret-chat message encryption, MTProto 2.0 flavour (https://core.telegram.org/api/end-to-end#sending-encrypted-messages):
 * plaintext = int32 length ‖ TL (decryptedMessageLayer) ‖ 12..1024 random bytes (total % 16 == 0);
 * wire = key_fingerprint ‖ msg_key ‖ AES-IGE(plaintext), with the message KDF of
 * https://core.telegram.org/mtproto/description where x = 0 for the chat's originator (the user
 * who sent requestEncryption) and x = 8 for the other side.
 */
import { computeMsgKey, deriveAesKeyIv } from "../mtproto/message-keys.js";
import type { CryptoProvider } from "../provider.js";
import { bytesEqual, concatBytes, int64ToBytesLE, readInt32LE, writeInt32LE } from "../util/bytes.js";
import { SecretChatError } from "./secret-chat-error.js";
import { secretKeyFingerprint } from "./secret-keys.js";

/** Which side of the chat encrypted the message. */
export type SecretChatRole = "originator" | "responder";

function offsetFor(role: SecretChatRole): 0 | 8 {
  return role === "originator" ? 0 : 8;
}

export function encryptSecretMessage(
  crypto: CryptoProvider,
  key: Uint8Array,
  tl: Uint8Array,
  sender: SecretChatRole,
  padding?: Uint8Array,
): Uint8Array {
  const unpadded = 4 + tl.length;
  const pad = padding ?? crypto.randomFill(new Uint8Array(12 + ((16 - ((unpadded + 12) % 16)) % 16)));
  if (pad.length < 12 || pad.length > 1024 || (unpadded + pad.length) % 16 !== 0) {
    throw new SecretChatError("INVALID_PADDING", `padding of ${pad.length} bytes is not 12..1024 aligning to 16`);
  }
  const plaintext = new Uint8Array(unpadded + pad.length);
  writeInt32LE(plaintext, 0, tl.length);
  plaintext.set(tl, 4);
  plaintext.set(pad, unpadded);
  const x = offsetFor(sender);
  const msgKey = computeMsgKey(crypto, key, plaintext, x);
  const aes = deriveAesKeyIv(crypto, key, msgKey, x);
  return concatBytes(
    int64ToBytesLE(secretKeyFingerprint(crypto, key)),
    msgKey,
    crypto.aesIgeEncrypt(plaintext, aes.key, aes.iv),
  );
}

/** Returns the TL bytes after checking fingerprint, msg_key, the length field and the padding. */
export function decryptSecretMessage(
  crypto: CryptoProvider,
  key: Uint8Array,
  packet: Uint8Array,
  sender: SecretChatRole,
): Uint8Array {
  if (packet.length < 24 + 16)
    throw new SecretChatError("PACKET_TOO_SHORT", `secret message of ${packet.length} bytes`);
  if ((packet.length - 24) % 16 !== 0)
    throw new SecretChatError("LENGTH_NOT_ALIGNED", "encrypted data is not a multiple of 16");
  if (!bytesEqual(packet.subarray(0, 8), int64ToBytesLE(secretKeyFingerprint(crypto, key)))) {
    throw new SecretChatError("FINGERPRINT_MISMATCH", "key_fingerprint does not match the chat key");
  }
  const msgKey = packet.subarray(8, 24);
  const x = offsetFor(sender);
  const aes = deriveAesKeyIv(crypto, key, msgKey, x);
  const plaintext = crypto.aesIgeDecrypt(packet.subarray(24), aes.key, aes.iv);
  if (!bytesEqual(computeMsgKey(crypto, key, plaintext, x), msgKey)) {
    throw new SecretChatError("MSG_KEY_MISMATCH", "msg_key does not match the decrypted plaintext");
  }
  const length = readInt32LE(plaintext, 0);
  if (length < 0 || length % 4 !== 0 || length > plaintext.length - 4) {
    throw new SecretChatError("LENGTH_OUT_OF_RANGE", `inner length ${length} is invalid`);
  }
  const paddingLength = plaintext.length - 4 - length;
  if (paddingLength < 12 || paddingLength > 1024) {
    throw new SecretChatError("PADDING_OUT_OF_RANGE", `padding of ${paddingLength} bytes is outside 12..1024`);
  }
  return plaintext.subarray(4, 4 + length);
}
