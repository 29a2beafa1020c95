/**
 * Files in secret chats (https://core.telegram.org/api/end-to-end#sending-encrypted-files): the
 * sender encrypts with a fresh key and iv, uploads the ciphertext in parts with the client's
 * uploader and names it in inputEncryptedFileUploaded (BigUploaded past 10 MiB) with the key
 * fingerprint; the key, iv and plaintext size travel in decryptedMessageMediaDocument / Photo. The
 * receiver downloads the encryptedFile the server attached (inputEncryptedFileLocation), checks
 * it against the message and decrypts.
 */
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type {
  RawEncryptedFile,
  RawInputEncryptedFileLocation,
  RawInputFile,
  RawInputFileBig,
  TypeInputEncryptedFile,
} from "@mtkit/tl-core/api";
import type { TypeDecryptedMessageMedia } from "@mtkit/tl-core/secret";
import { checkFileKey, decryptFileBytes, encryptedLengthOf, encryptFileBytes, newFileKeys } from "./encrypted-file.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";

/** What secret chats need of the client's files module (a `TelegramClient` provides it). */
export interface SecretFileHost {
  /** Uploads bytes in parts; answers the inputFile / inputFileBig naming them. */
  upload(bytes: Uint8Array, fileName: string): Promise<RawInputFile | RawInputFileBig>;
  /** Downloads at most `maxBytes` of a file from DC `dcId`. */
  download(location: RawInputEncryptedFileLocation, dcId: number, maxBytes: number): Promise<Uint8Array>;
}

export interface SendFileOptions {
  readonly fileName?: string;
  readonly mimeType?: string;
  readonly caption?: string;
  /** Self-destruct after the peer reads it, in seconds. */
  readonly ttl?: number;
  /** Send as a photo (decryptedMessageMediaPhoto) of this size in pixels instead of a document. */
  readonly photo?: { readonly w: number; readonly h: number };
}

/** A received media message: what `chat.downloadFile` takes (a `message` event is one). */
export interface ReceivedMedia {
  readonly media: TypeDecryptedMessageMedia | undefined;
  readonly file: RawEncryptedFile | undefined;
}

/** The largest plaintext a photo's `size:int` can describe. */
const MAX_PHOTO_BYTES = 0x7fff_ffff;

export async function uploadSecretFile(
  crypto: CryptoProvider,
  host: SecretFileHost,
  plain: Uint8Array,
  options: SendFileOptions,
): Promise<{ media: TypeDecryptedMessageMedia; file: TypeInputEncryptedFile }> {
  if (plain.length === 0) throw new RangeError("an encrypted file needs at least one byte");
  if (options.photo !== undefined && plain.length > MAX_PHOTO_BYTES) throw new RangeError("too big for a photo");
  const keys = newFileKeys(crypto);
  const fileName = options.fileName ?? "file";
  const uploaded = await host.upload(encryptFileBytes(crypto, plain, keys), fileName);
  const file: TypeInputEncryptedFile =
    uploaded._ === "inputFileBig"
      ? { _: "inputEncryptedFileBigUploaded", id: uploaded.id, parts: uploaded.parts, keyFingerprint: keys.fingerprint }
      : {
          _: "inputEncryptedFileUploaded",
          id: uploaded.id,
          parts: uploaded.parts,
          md5Checksum: uploaded.md5Checksum,
          keyFingerprint: keys.fingerprint,
        };
  const common = { thumb: new Uint8Array(0), thumbW: 0, thumbH: 0, key: keys.key, iv: keys.iv };
  const caption = options.caption ?? "";
  const media: TypeDecryptedMessageMedia =
    options.photo === undefined
      ? {
          _: "decryptedMessageMediaDocument",
          ...common,
          mimeType: options.mimeType ?? "application/octet-stream",
          size: BigInt(plain.length),
          attributes: [{ _: "documentAttributeFilename", fileName }],
          caption,
        }
      : {
          _: "decryptedMessageMediaPhoto",
          ...common,
          w: options.photo.w,
          h: options.photo.h,
          size: plain.length,
          caption,
        };
  return { media, file };
}

export async function downloadSecretFile(
  crypto: CryptoProvider,
  host: SecretFileHost,
  received: ReceivedMedia,
  chatId: number,
): Promise<Uint8Array> {
  const { media, file } = received;
  if (media?._ !== "decryptedMessageMediaDocument" && media?._ !== "decryptedMessageMediaPhoto")
    throw new SecretChatProtocolError("FILE_MISSING", "the message carries no encrypted document or photo", chatId);
  if (file === undefined)
    throw new SecretChatProtocolError("FILE_MISSING", "the server attached no file to the message", chatId);
  const size = Number(media.size);
  const decryption = { key: media.key, iv: media.iv, size, fingerprint: file.keyFingerprint, chatId };
  // The key is checked before a byte is fetched; the download is bounded by the size the peer wrote
  // (plus a block, so a longer file is caught), never by the server's claim.
  checkFileKey(crypto, decryption);
  const location = { _: "inputEncryptedFileLocation", id: file.id, accessHash: file.accessHash } as const;
  const cipher = await host.download(location, file.dcId, encryptedLengthOf(size) + 16);
  return decryptFileBytes(crypto, cipher, decryption);
}
