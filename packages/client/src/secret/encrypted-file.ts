/**
 * The bytes of a secret chat's file (https://core.telegram.org/api/end-to-end#sending-encrypted-files):
 * a fresh 32-byte key and 32-byte iv per file, the file padded with random bytes to whole AES
 * blocks and encrypted with AES-256-IGE, and key_fingerprint = int32(MD5(key ‖ iv)[0..4]) XOR
 * int32(MD5(key ‖ iv)[4..8]). The key and iv travel inside the end-to-end message
 * (decryptedMessageMediaDocument / Photo); the server sees only the fingerprint and the ciphertext.
 *
 * IGE has no MAC and the spec adds none, so what the receiver can check is that the key in the
 * message is the key the file was uploaded with (the fingerprint) and that the file is as long as
 * the message says; anything else is a typed FILE_* error.
 */
import { type CryptoProvider, encryptedFileFingerprint } from "@mtkit/mtproto-crypto";
import { SecretChatProtocolError } from "./secret-chat-error.js";

const AES_BLOCK = 16;
const KEY_BYTES = 32;

export interface EncryptedFileKeys {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
  /** What inputEncryptedFileUploaded and encryptedFile carry as key_fingerprint. */
  readonly fingerprint: number;
}

export function newFileKeys(crypto: CryptoProvider): EncryptedFileKeys {
  const key = crypto.randomFill(new Uint8Array(KEY_BYTES));
  const iv = crypto.randomFill(new Uint8Array(KEY_BYTES));
  return { key, iv, fingerprint: encryptedFileFingerprint(crypto, key, iv) };
}

/** The ciphertext to upload: `plain` plus 0..15 random bytes, encrypted with the file's key and iv. */
export function encryptFileBytes(crypto: CryptoProvider, plain: Uint8Array, keys: EncryptedFileKeys): Uint8Array {
  const padded = new Uint8Array(Math.ceil(plain.length / AES_BLOCK) * AES_BLOCK);
  padded.set(plain);
  if (padded.length > plain.length)
    padded.set(crypto.randomFill(new Uint8Array(padded.length - plain.length)), plain.length);
  // The provider may keep state in the iv it is given: pass a copy, the media message needs the original.
  return crypto.aesIgeEncrypt(padded, keys.key, keys.iv.slice());
}

export interface FileDecryption {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
  /** The plaintext size the message claims. */
  readonly size: number;
  /** encryptedFile.key_fingerprint, as the server delivered it. */
  readonly fingerprint: number;
  readonly chatId?: number;
}

/**
 * The most bytes a download for a file of `size` may bring: the size rounded up to whole blocks.
 * Downloads are bounded by this, never by the server's own size claim.
 */
export function encryptedLengthOf(size: number): number {
  return Math.ceil(size / AES_BLOCK) * AES_BLOCK;
}

/** Before downloading: the key and iv of the message are those the file was uploaded with, the size is sane. */
export function checkFileKey(crypto: CryptoProvider, file: FileDecryption): void {
  if (file.key.length !== KEY_BYTES || file.iv.length !== KEY_BYTES) {
    const what = `key of ${file.key.length} and iv of ${file.iv.length} bytes`;
    throw new SecretChatProtocolError("FILE_FINGERPRINT_MISMATCH", what, file.chatId);
  }
  if (encryptedFileFingerprint(crypto, file.key, file.iv) !== file.fingerprint) {
    const what = "the file was not encrypted with the key the message carries";
    throw new SecretChatProtocolError("FILE_FINGERPRINT_MISMATCH", what, file.chatId);
  }
  if (!Number.isSafeInteger(file.size) || file.size <= 0) {
    const what = `the message claims a size of ${String(file.size)}`;
    throw new SecretChatProtocolError("FILE_SIZE_MISMATCH", what, file.chatId);
  }
}

/** Checks the key and the length, decrypts, and cuts the padding off. */
export function decryptFileBytes(crypto: CryptoProvider, cipher: Uint8Array, file: FileDecryption): Uint8Array {
  checkFileKey(crypto, file);
  if (cipher.length !== encryptedLengthOf(file.size)) {
    const what = `${cipher.length} encrypted bytes for a file of ${file.size}`;
    throw new SecretChatProtocolError("FILE_SIZE_MISMATCH", what, file.chatId);
  }
  return crypto.aesIgeDecrypt(cipher, file.key, file.iv.slice()).subarray(0, file.size);
}
