/**
 * Files in secret chats (https://core.telegram.org/api/end-to-end#sending-encrypted-files): the
 * sender encrypts with a fresh key and iv part by part as the source is read, and the client's
 * uploader sends each part as it is produced, naming the file in inputEncryptedFileUploaded
 * (BigUploaded past 10 MiB) with the key fingerprint; the key, iv, real size, thumbnail and
 * attributes travel in decryptedMessageMediaDocument / Photo. The receiver checks the encryptedFile
 * the server attached against the message, then downloads and decrypts it part by part.
 */
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { concatAll } from "@mtkit/mtproto-crypto/bytes";
import type {
  RawEncryptedFile,
  RawInputEncryptedFileLocation,
  RawInputFile,
  RawInputFileBig,
  TypeInputEncryptedFile,
} from "@mtkit/tl-core/api";
import type { TypeDecryptedMessageMedia } from "@mtkit/tl-core/secret";
import type { ProgressCallback } from "../files/file-client.js";
import { byteChunksOf, type UploadSource } from "../files/upload/upload-source.js";
import { checkFileKey, encryptedLengthOf, newFileKeys } from "./encrypted-file.js";
import { decryptChunks, encryptChunks } from "./ige-file-stream.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";
import { buildSecretMedia, checkMediaOptions, type SecretMediaOptions } from "./secret-media.js";

/** What secret chats need of the client's files module (a `TelegramClient` provides it). */
export interface SecretFileHost {
  /**
   * Uploads the chunks in parts as they come (`size`, when known, is the ciphertext's length);
   * answers the inputFile / inputFileBig naming them.
   */
  upload(
    chunks: AsyncIterable<Uint8Array>,
    options: SecretTransferOptions & { readonly fileName: string },
  ): Promise<RawInputFile | RawInputFileBig>;
  /** The first `maxBytes` (at most) of a file on DC `dcId`, in order, as they arrive. */
  download(
    location: RawInputEncryptedFileLocation,
    dcId: number,
    maxBytes: number,
    options: SecretTransferOptions,
  ): AsyncIterable<Uint8Array>;
}

/** What a transfer passes on to the client's uploader or downloader (bytes are the ciphertext's). */
export interface SecretTransferOptions {
  readonly size?: number;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

export interface SendFileOptions extends SecretMediaOptions {
  /** Self-destruct after the peer reads it, in seconds. */
  readonly ttl?: number;
  /** The size of a stream source, when known: only decides small or big upload early. */
  readonly size?: number;
  /** Called as parts are uploaded (bytes of ciphertext: the size rounded up to 16). */
  readonly onProgress?: ProgressCallback;
  /** Stops the upload; nothing is sent. */
  readonly signal?: AbortSignal;
}

/** For downloads: progress and cancellation, passed to the client's downloader. */
export interface DownloadSecretFileOptions {
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** A received media message: what `chat.downloadFile` takes (a `message` event is one). */
export interface ReceivedMedia {
  readonly media: TypeDecryptedMessageMedia | undefined;
  readonly file: RawEncryptedFile | undefined;
}

/** The largest plaintext a photo's `size:int` can describe. */
const MAX_PHOTO_BYTES = 0x7fff_ffff;
const PART = 512 * 1024;

/** Encrypts and uploads `source` part by part; the media message and input file to send with it. */
export async function uploadSecretFile(
  crypto: CryptoProvider,
  host: SecretFileHost,
  source: UploadSource,
  options: SendFileOptions,
): Promise<{ media: TypeDecryptedMessageMedia; file: TypeInputEncryptedFile }> {
  checkMediaOptions(options);
  const input = byteChunksOf(source, PART, options.size);
  if (input.size === 0) throw new RangeError("an encrypted file needs at least one byte");
  const keys = newFileKeys(crypto);
  const fileName = options.fileName ?? input.name ?? "file";
  const counted = { size: 0 };
  const maxSize = options.photo === undefined ? Number.MAX_SAFE_INTEGER : MAX_PHOTO_BYTES;
  const cipher = encryptChunks(crypto, input.chunks, keys, counted, maxSize);
  const uploaded = await host.upload(cipher, {
    fileName,
    ...(input.size === undefined ? {} : { size: encryptedLengthOf(input.size) }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
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
  const media = buildSecretMedia({ ...options, fileName }, counted.size, keys.key, keys.iv);
  return { media, file };
}

/**
 * The plaintext of a received file, part by part. The key is checked against the fingerprint the
 * server attached before a byte is fetched; the download is bounded by the size the peer wrote
 * (plus a block, so a longer file is caught), never by the server's claim.
 */
export function downloadSecretFile(
  crypto: CryptoProvider,
  host: SecretFileHost,
  received: ReceivedMedia,
  chatId: number,
  options: DownloadSecretFileOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const { media, file } = received;
  if (media?._ !== "decryptedMessageMediaDocument" && media?._ !== "decryptedMessageMediaPhoto")
    throw new SecretChatProtocolError("FILE_MISSING", "the message carries no encrypted document or photo", chatId);
  if (file === undefined)
    throw new SecretChatProtocolError("FILE_MISSING", "the server attached no file to the message", chatId);
  const size = Number(media.size);
  const decryption = { key: media.key, iv: media.iv, size, fingerprint: file.keyFingerprint, chatId };
  checkFileKey(crypto, decryption);
  const location = { _: "inputEncryptedFileLocation", id: file.id, accessHash: file.accessHash } as const;
  const bound = encryptedLengthOf(size) + 16;
  return decryptChunks(crypto, () => host.download(location, file.dcId, bound, options), decryption);
}

/** All of a received file in one buffer, grown from the bytes that arrived (never sized from a claim). */
export async function downloadSecretFileBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatAll(parts);
}
