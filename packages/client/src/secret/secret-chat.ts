/**
 * One open secret chat as the app sees it: send text and files (with a self-destruct ttl), mark
 * read, typing and screenshot notices, compare the key picture, close. Every call runs the sans-IO
 * core, then the manager sends what it produced, in order, and saves the state.
 */
import type { KeyVisualization } from "./key-visual.js";
import type { SecretChatCore } from "./secret-chat-core.js";
import type { UploadSource } from "../files/upload/upload-source.js";
import {
  type DownloadSecretFileOptions,
  downloadSecretFileBytes,
  type ReceivedMedia,
  type SendFileOptions,
} from "./secret-files.js";

export interface SecretChatPort {
  /** Sends the core's packets and events, then saves its state. */
  flush(chat: SecretChat): Promise<void>;
  close(chat: SecretChat, deleteHistory: boolean): Promise<void>;
  sendFile(chat: SecretChat, source: UploadSource, options: SendFileOptions): Promise<bigint>;
  downloadFile(
    chat: SecretChat,
    received: ReceivedMedia,
    options: DownloadSecretFileOptions,
  ): AsyncGenerator<Uint8Array, void, undefined>;
  setTyping(chat: SecretChat, typing: boolean): Promise<void>;
  readHistory(chat: SecretChat, maxDate: number): Promise<void>;
}

export class SecretChat {
  constructor(
    readonly core: SecretChatCore,
    private readonly port: SecretChatPort,
  ) {}

  get id(): number {
    return this.core.state.chatId;
  }

  get peerUserId(): number {
    return this.core.state.peerUserId;
  }

  /** The current key's fingerprint (changes with re-keying). */
  get fingerprint(): bigint {
    return this.core.fingerprint;
  }

  /** What both users compare: emoji and a 12x12 grid of the first key (https://core.telegram.org/api/end-to-end#key-visualization). */
  get visualization(): KeyVisualization {
    return this.core.visualization;
  }

  get closed(): boolean {
    return this.core.state.closed;
  }

  /** Sends a text; with `ttl` (seconds) it self-destructs on both sides that long after the peer reads it. */
  async send(text: string, options: { ttl?: number } = {}): Promise<bigint> {
    const randomId = this.core.sendText(text, options);
    await this.port.flush(this);
    return randomId;
  }

  /**
   * Encrypts `source` (bytes, a Blob, a ReadableStream or an async iterable of bytes) with a fresh
   * key part by part and uploads each part as it is produced, so the file is never held whole; sends
   * it as a document (or a photo with `photo`) with its thumbnail and attributes. The peer gets a
   * `message` event with `media`, `file` and `description`.
   */
  sendFile(source: UploadSource, options: SendFileOptions = {}): Promise<bigint> {
    return this.port.sendFile(this, source, options);
  }

  /**
   * A received file's plaintext in order, decrypted part by part as it downloads. The key is checked
   * first (FILE_FINGERPRINT_MISMATCH / FILE_MISSING are thrown at once); a file of the wrong length
   * ends the iteration with FILE_SIZE_MISMATCH.
   */
  downloadAsIterable(
    received: ReceivedMedia,
    options: DownloadSecretFileOptions = {},
  ): AsyncGenerator<Uint8Array, void, undefined> {
    return this.port.downloadFile(this, received, options);
  }

  /** The same as a ReadableStream (cancelling it stops the download). */
  downloadAsStream(received: ReceivedMedia, options: DownloadSecretFileOptions = {}): ReadableStream<Uint8Array> {
    const chunks = this.downloadAsIterable(received, options);
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: async () => {
        await chunks.return(undefined);
      },
    });
  }

  /** Downloads and decrypts a received file into one buffer; a file that does not match its message is a FILE_* error. */
  async downloadFile(received: ReceivedMedia, options: DownloadSecretFileOptions = {}): Promise<Uint8Array> {
    return downloadSecretFileBytes(this.downloadAsIterable(received, options));
  }

  /** messages.setEncryptedTyping: the peer gets a `typing` event (false: stopped). */
  setTyping(typing = true): Promise<void> {
    return this.port.setTyping(this, typing);
  }

  /** messages.readEncryptedHistory: the peer gets a `history_read` event up to `maxDate` (seconds). */
  readHistory(maxDate: number): Promise<void> {
    return this.port.readHistory(this, maxDate);
  }

  /** Tells the peer a screenshot of these messages was taken (decryptedMessageActionScreenshotMessages). */
  async notifyScreenshot(randomIds: readonly bigint[]): Promise<void> {
    this.core.notifyScreenshot(randomIds);
    await this.port.flush(this);
  }

  async markRead(randomIds: readonly bigint[]): Promise<void> {
    this.core.markRead(randomIds);
    await this.port.flush(this);
  }

  async deleteMessages(randomIds: readonly bigint[]): Promise<void> {
    this.core.deleteMessages(randomIds);
    await this.port.flush(this);
  }

  /**
   * decryptedMessageActionSetMessageTTL: the self-destruct time (seconds, 0 = off) of the messages
   * both sides send from now on without their own `ttl`; the peer gets a `ttl_changed` event.
   */
  async setDefaultTtl(seconds: number): Promise<void> {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0x7fffffff)
      throw new RangeError(`ttl of ${String(seconds)} s is not a whole number of seconds in 0..2^31-1`);
    this.core.setDefaultTtl(seconds);
    await this.port.flush(this);
  }

  /** decryptedMessageActionFlushHistory: the peer is asked to clear the chat's history (`history_flushed`). */
  async flushHistory(): Promise<void> {
    this.core.flushHistory();
    await this.port.flush(this);
  }

  /** Re-keys now instead of waiting for 100 messages or a week (https://core.telegram.org/api/end-to-end/pfs). */
  async rekey(): Promise<void> {
    this.core.rekey();
    await this.port.flush(this);
  }

  close(options: { deleteHistory?: boolean } = {}): Promise<void> {
    return this.port.close(this, options.deleteHistory === true);
  }
}
