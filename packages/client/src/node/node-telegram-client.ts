import { setMaxListeners } from "node:events";
import { gzipSync } from "node:zlib";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { DcAddress, Transport } from "@mtkit/transport-tcp/transport";
import { TelegramClient as PortableTelegramClient } from "../client/telegram-client.js";
import type { TelegramClientOptions } from "../client/options.js";
import { nodeTransportFactory } from "./node-transport-choice.js";
import type { UploadedFile, UploadFileOptions } from "../files/upload/upload-file.js";
import { downloadToFile, type DownloadToFileOptions } from "./download-to-file.js";
import { nodeUploadSource, type NodeUploadSource } from "./node-upload-source.js";
import type { DownloadTarget } from "../files/download/download-target.js";
import type { AlbumItem, SendFilesOptions } from "../files/send/send-files.js";
import {
  nodeAlbumItem,
  nodeSendFile,
  type NodeAlbumItem,
  type NodeSendFileOptions,
  type NodeSendSource,
} from "./node-send-sources.js";
import type { Message } from "../messages/message.js";
import type { PeerRef } from "../peers/parse-peer-ref.js";

/**
 * The client with Node defaults: `createNodeCrypto()` (OpenSSL, native IGE when built) and TCP with
 * obfuscated intermediate framing, the transport official apps use on port 443
 * (https://core.telegram.org/mtproto/mtproto-transports). Lives in `@mtkit/client/node` so that a
 * browser bundle of `@mtkit/client` never reaches `node:net` or `node:crypto`.
 */
export class TelegramClient extends PortableTelegramClient {
  constructor(options: TelegramClientOptions) {
    const crypto = options.crypto ?? createNodeCrypto();
    super({
      ...options,
      crypto,
      // node:zlib: native gzip, where the portable one cost 30 % of upload CPU in a profile.
      compression:
        options.compression === false
          ? false
          : typeof options.compression === "function"
            ? options.compression
            : nativeGzip,
    });
  }

  /** TCP framings, MTProxy links and "websocket" (through `ws` on Node 20); default obfuscated intermediate. */
  protected override transportFor(
    choice: TelegramClientOptions["transport"],
    crypto: CryptoProvider,
  ): (address: DcAddress) => Transport {
    return nodeTransportFactory(choice, crypto);
  }

  /** Node keeps the synchronous inflater: no promise per packed message and no receive queue. */
  protected override gunzip(): undefined {
    return undefined;
  }

  /** Also takes a file path (streamed, never read whole) and Node Readables. */
  override async uploadFile(source: NodeUploadSource, options: UploadFileOptions = {}): Promise<UploadedFile> {
    const input = await nodeUploadSource(source);
    return super.uploadFile(input.source, {
      ...options,
      ...(options.size === undefined && input.size !== undefined ? { size: input.size } : {}),
      ...(options.fileName === undefined && input.name !== undefined ? { fileName: input.name } : {}),
    });
  }

  /** Also takes a file path (streamed, never read whole; its name is the file name), for the thumbnail too. */
  override async sendFile(peer: PeerRef, file: NodeSendSource, options: NodeSendFileOptions = {}): Promise<Message> {
    const opened = await nodeSendFile(file, options);
    return super.sendFile(peer, opened.file, opened.options);
  }

  /** Also takes file paths, for files and thumbnails. */
  override async sendFiles(
    peer: PeerRef,
    files: readonly NodeAlbumItem[],
    options?: SendFilesOptions,
  ): Promise<Message[]> {
    const items: AlbumItem[] = [];
    for (const entry of files) items.push(await nodeAlbumItem(entry));
    return super.sendFiles(peer, items, options);
  }

  /** Downloads to `path` (with `resume`, continues a partial file); resolves with the file's length. */
  async downloadToFile(target: DownloadTarget, path: string, options?: DownloadToFileOptions): Promise<number> {
    return downloadToFile(this.fileClient(), target, path, options);
  }

  /** Hundreds of concurrent calls each listen to this signal until they finish: not a leak. */
  protected override prepareLifetimeSignal(signal: AbortSignal): void {
    setMaxListeners(0, signal);
  }
}

function nativeGzip(data: Uint8Array): Uint8Array {
  return gzipSync(data);
}
