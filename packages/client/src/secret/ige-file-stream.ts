/**
 * A secret chat's file encrypted and decrypted part by part
 * (https://core.telegram.org/api/end-to-end#sending-encrypted-files). AES-256-IGE is sequential, so a
 * file can go through in pieces whose lengths are multiples of 16: each piece starts from the iv the
 * previous one ended with, which (in the 32-byte layout of mtproto-crypto: previous ciphertext block,
 * then previous plaintext block) is the last ciphertext block followed by the last plaintext block,
 * in both directions. Random padding goes only after the last piece; the size in the message is the
 * real size. Memory is one piece and at most 15 carried bytes, never the file.
 */
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { checkFileKey, type EncryptedFileKeys, encryptedLengthOf, type FileDecryption } from "./encrypted-file.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";

const AES_BLOCK = 16;
/** Pieces are cut to this length, so a caller's huge chunk is not encrypted (and copied) in one go. */
const PIECE = 512 * 1024;

/** The iv the next piece starts from: the last ciphertext block, then the last plaintext block. */
function nextIv(cipher: Uint8Array, plain: Uint8Array): Uint8Array {
  const iv = new Uint8Array(32);
  iv.set(cipher.subarray(cipher.length - AES_BLOCK), 0);
  iv.set(plain.subarray(plain.length - AES_BLOCK), AES_BLOCK);
  return iv;
}

/** Chunks of any length as pieces of whole blocks (at most PIECE bytes), with the remainder kept back. */
async function* wholeBlocks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  tail: { bytes: Uint8Array },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    let rest = chunk;
    if (tail.bytes.length > 0) {
      const joined = new Uint8Array(tail.bytes.length + chunk.length);
      joined.set(tail.bytes);
      joined.set(chunk, tail.bytes.length);
      rest = joined;
    }
    let at = 0;
    while (rest.length - at >= AES_BLOCK) {
      const take = Math.min(PIECE, rest.length - at - ((rest.length - at) % AES_BLOCK));
      yield rest.subarray(at, at + take);
      at += take;
    }
    tail.bytes = rest.slice(at);
  }
}

export interface EncryptedStreamResult {
  /** Plaintext bytes read so far (the real size once the stream has ended). */
  size: number;
}

/**
 * The ciphertext of `chunks`, piece by piece; `result.size` counts the plaintext. `maxSize` bounds
 * the plaintext (a photo's size is an int); an empty source is a RangeError at the end.
 */
export async function* encryptChunks(
  crypto: CryptoProvider,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  keys: EncryptedFileKeys,
  result: EncryptedStreamResult,
  maxSize = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<Uint8Array, void, undefined> {
  // The provider may keep state in the iv it is given: always pass our own copy.
  let iv: Uint8Array = keys.iv.slice();
  const tail = { bytes: new Uint8Array(0) };
  const encrypt = (plain: Uint8Array, real: number): Uint8Array => {
    result.size += real;
    if (result.size > maxSize) throw new RangeError(`the file is larger than ${String(maxSize)} bytes`);
    const cipher = crypto.aesIgeEncrypt(plain, keys.key, iv.slice());
    iv = nextIv(cipher, plain);
    return cipher;
  };
  for await (const piece of wholeBlocks(chunks, tail)) yield encrypt(piece, piece.length);
  if (tail.bytes.length > 0) {
    const last = crypto.randomFill(new Uint8Array(AES_BLOCK));
    last.set(tail.bytes);
    yield encrypt(last, tail.bytes.length); // the padding is not the file's
  }
  if (result.size === 0) throw new RangeError("an encrypted file needs at least one byte");
}

/**
 * The plaintext of a downloaded file, piece by piece: the key is checked against the fingerprint
 * before the first byte is read, the output stops at the size the message claims, and a file that
 * is shorter or longer than that (rounded up to whole blocks) ends in FILE_SIZE_MISMATCH. IGE has
 * no MAC, so bytes already handed out before that error are unverified, as with any IGE file.
 */
export async function* decryptChunks(
  crypto: CryptoProvider,
  chunks: () => AsyncIterable<Uint8Array>,
  file: FileDecryption,
): AsyncGenerator<Uint8Array, void, undefined> {
  checkFileKey(crypto, file);
  const expected = encryptedLengthOf(file.size);
  const mismatch = (got: string): SecretChatProtocolError =>
    new SecretChatProtocolError("FILE_SIZE_MISMATCH", `${got} encrypted bytes for a file of ${file.size}`, file.chatId);
  let iv: Uint8Array = file.iv.slice();
  let cipherSeen = 0;
  let plainOut = 0;
  const tail = { bytes: new Uint8Array(0) };
  for await (const piece of wholeBlocks(chunks(), tail)) {
    cipherSeen += piece.length;
    if (cipherSeen > expected) throw mismatch(`more than ${String(expected)}`);
    const plain = crypto.aesIgeDecrypt(piece, file.key, iv.slice());
    iv = nextIv(piece, plain);
    const keep = Math.min(plain.length, file.size - plainOut);
    plainOut += keep;
    yield keep === plain.length ? plain : plain.subarray(0, keep);
  }
  if (tail.bytes.length > 0 || cipherSeen !== expected) throw mismatch(String(cipherSeen + tail.bytes.length));
}
