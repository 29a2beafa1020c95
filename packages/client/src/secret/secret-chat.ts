/**
 * One open secret chat as the app sees it: send text and files (with a self-destruct ttl), mark
 * read, typing and screenshot notices, compare the key picture, close. Every call runs the sans-IO
 * core, then the manager sends what it produced, in order, and saves the state.
 */
import type { KeyVisualization } from "./key-visual.js";
import type { SecretChatCore } from "./secret-chat-core.js";
import type { ReceivedMedia, SendFileOptions } from "./secret-files.js";

export interface SecretChatPort {
  /** Sends the core's packets and events, then saves its state. */
  flush(chat: SecretChat): Promise<void>;
  close(chat: SecretChat, deleteHistory: boolean): Promise<void>;
  sendFile(chat: SecretChat, bytes: Uint8Array, options: SendFileOptions): Promise<bigint>;
  downloadFile(chat: SecretChat, received: ReceivedMedia): Promise<Uint8Array>;
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
   * Encrypts `bytes` with a fresh key, uploads them in parts and sends them as a document (or a
   * photo with `photo`); the peer gets a `message` event with `media` and `file`.
   */
  sendFile(bytes: Uint8Array, options: SendFileOptions = {}): Promise<bigint> {
    return this.port.sendFile(this, bytes, options);
  }

  /** Downloads and decrypts a received file; a file that does not match its message is a FILE_* error. */
  downloadFile(received: ReceivedMedia): Promise<Uint8Array> {
    return this.port.downloadFile(this, received);
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

  /** Re-keys now instead of waiting for 100 messages or a week (https://core.telegram.org/api/end-to-end/pfs). */
  async rekey(): Promise<void> {
    this.core.rekey();
    await this.port.flush(this);
  }

  close(options: { deleteHistory?: boolean } = {}): Promise<void> {
    return this.port.close(this, options.deleteHistory === true);
  }
}
