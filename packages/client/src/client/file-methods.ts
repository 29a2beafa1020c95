import type { FileHost } from "../files/file-host.js";
import { downloadAsBuffer } from "../files/download/download-buffer.js";
import { downloadAsIterable, type DownloadOptions } from "../files/download/download-iterable.js";
import { downloadAsStream } from "../files/download/download-stream.js";
import type { DownloadTarget } from "../files/download/download-target.js";
import { sendFile, type SendFileOptions, type SendFileSource } from "../files/send/send-file.js";
import { sendFiles, type AlbumItem, type SendFilesOptions } from "../files/send/send-files.js";
import { uploadFile, type UploadedFile, type UploadFileOptions } from "../files/upload/upload-file.js";
import type { UploadSource } from "../files/upload/upload-source.js";
import type { Message } from "../messages/message.js";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import { HighLevelMethods } from "./high-level-methods.js";

/**
 * File transfers (https://core.telegram.org/api/files), each a one-line delegation to `files/` over
 * the client's `FileHost` (the media connections that `connect()` opens).
 */
export abstract class FileMethods extends HighLevelMethods {
  /** What the transfers run on (after `connect()`). */
  protected abstract fileClient(): FileHost;

  /** Uploads in parallel parts over the media connection; the result goes to messages.sendMedia. */
  async uploadFile(source: UploadSource, options?: UploadFileOptions): Promise<UploadedFile> {
    return uploadFile(this.fileClient(), source, options);
  }

  /** Uploads `file` and sends it (JPEG/PNG/WebP as a photo unless `forceDocument`); returns the message. */
  async sendFile(peer: PeerRef, file: SendFileSource, options?: SendFileOptions): Promise<Message> {
    return sendFile(this.context, this.fileClient(), peer, file, options);
  }

  /** Uploads the files and sends them as one album (messages.sendMultiMedia); returns the messages in order. */
  async sendFiles(
    peer: PeerRef,
    files: readonly (SendFileSource | AlbumItem)[],
    options?: SendFilesOptions,
  ): Promise<Message[]> {
    return sendFiles(this.context, this.fileClient(), peer, files, options);
  }

  /**
   * The file's bytes in order; parts in parallel, FILE_MIGRATE and CDN redirects followed. Given a
   * message, an expired file reference is refreshed by fetching the message again.
   */
  downloadAsIterable(target: DownloadTarget, options?: DownloadOptions): AsyncGenerator<Uint8Array, void, undefined> {
    return downloadAsIterable(this.fileClient(), target, options);
  }

  downloadAsStream(target: DownloadTarget, options?: DownloadOptions): ReadableStream<Uint8Array> {
    return downloadAsStream(this.fileClient(), target, options);
  }

  async downloadAsBuffer(
    target: DownloadTarget,
    options?: DownloadOptions & { readonly maxBytes?: number },
  ): Promise<Uint8Array> {
    return downloadAsBuffer(this.fileClient(), target, options);
  }
}
