/**
 * One secret chat, sans-IO (https://core.telegram.org/api/end-to-end): turns app intents into
 * encrypted packets and received packets into events, keeping sequence numbers, the layer,
 * re-keying and self-destruct timers in a plain `SecretChatState`. No sockets, no timers: the host
 * passes bytes in, drains packets and events out, and calls `tick()` when `nextDeadline` passes.
 * Bad input from the peer becomes an `error` event and leaves the state as it was.
 */
import { type CryptoProvider, encryptSecretMessage, readInt64LE } from "@mtkit/mtproto-crypto";
import type { RawEncryptedFile, TypeInputEncryptedFile } from "@mtkit/tl-core/api";
import type { TypeDecryptedMessageAction, TypeDecryptedMessageMedia } from "@mtkit/tl-core/secret";
import { dispatchInbound } from "./inbound-dispatch.js";
import { decryptInbound } from "./inbound-decrypt.js";
import { visualizeKey, type KeyVisualization } from "./key-visual.js";
import {
  type CurrentDecryptedMessage,
  decodeInner,
  encodeInner,
  encodeLayerMessage,
  MAX_SECRET_LAYER,
} from "./layer-message.js";
import { rekeyDue, startRekey } from "./rekey.js";
import { forget, nextExpiry, startCountdowns, takeExpired } from "./self-destruct.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";
import type { OutboundPacket, SecretChatEvent } from "./secret-chat-events.js";
import type { OutboxEntry, SecretChatState } from "./secret-chat-state.js";
import { classifyInbound, rawSeqNumbers, wireResendRange, wireSeqNumbers } from "./seq-numbers.js";

export interface SecretChatCoreOptions {
  readonly crypto: CryptoProvider;
  /** Milliseconds since the epoch (injected for tests). */
  readonly now: () => number;
  /** Largest gap held while waiting for a resend, and the size of the outbox kept for resends. */
  readonly window?: number;
}

export const DEFAULT_WINDOW = 1000;

export class SecretChatCore {
  readonly crypto: CryptoProvider;
  readonly now: () => number;
  readonly window: number;
  #packets: OutboundPacket[] = [];
  #events: SecretChatEvent[] = [];

  constructor(
    readonly state: SecretChatState,
    options: SecretChatCoreOptions,
  ) {
    this.crypto = options.crypto;
    this.now = options.now;
    this.window = options.window ?? DEFAULT_WINDOW;
  }

  get fingerprint(): bigint {
    return this.state.key.fingerprint;
  }

  get visualization(): KeyVisualization {
    return visualizeKey(this.state.visualization);
  }

  /** The first message of a chat on both sides: our layer (decryptedMessageActionNotifyLayer). */
  start(): void {
    if (this.state.layerNotified) return;
    this.state.layerNotified = true;
    this.sendService({ _: "decryptedMessageActionNotifyLayer", layer: MAX_SECRET_LAYER });
  }

  sendText(text: string, options: { ttl?: number } = {}): bigint {
    const randomId = this.#randomId();
    const ttl = options.ttl ?? this.state.defaultTtl;
    this.#send({ _: "decryptedMessage", randomId, ttl, message: text }, false);
    if (ttl > 0) this.state.ttl.push({ randomId, ttl, outgoing: true });
    return randomId;
  }

  /**
   * A media message whose file was encrypted and uploaded already: `file` is the
   * inputEncryptedFileUploaded (or BigUploaded) naming the parts, `media` carries its key and iv.
   */
  sendMedia(
    media: TypeDecryptedMessageMedia,
    file: TypeInputEncryptedFile,
    options: { ttl?: number; caption?: string } = {},
  ): bigint {
    const randomId = this.#randomId();
    const ttl = options.ttl ?? this.state.defaultTtl;
    this.#send({ _: "decryptedMessage", randomId, ttl, message: options.caption ?? "", media }, false, file);
    if (ttl > 0) this.state.ttl.push({ randomId, ttl, outgoing: true });
    return randomId;
  }

  /** The server stored a media message's file: a resend names it (inputEncryptedFile) instead of the parts. */
  fileStored(randomId: bigint, file: RawEncryptedFile): void {
    const entry = this.state.outbox.find((candidate) => candidate.randomId === randomId);
    if (entry !== undefined) entry.file = { _: "inputEncryptedFile", id: file.id, accessHash: file.accessHash };
  }

  /** A screenshot of these messages was taken (decryptedMessageActionScreenshotMessages). */
  notifyScreenshot(randomIds: readonly bigint[]): void {
    this.sendService({ _: "decryptedMessageActionScreenshotMessages", randomIds: [...randomIds] });
  }

  sendService(action: TypeDecryptedMessageAction): bigint {
    const randomId = this.#randomId();
    this.#send({ _: "decryptedMessageService", randomId, action }, true);
    return randomId;
  }

  /** The app showed these incoming messages: tell the peer and start their self-destruct timers. */
  markRead(randomIds: readonly bigint[]): void {
    startCountdowns(this.state.ttl, randomIds, false, this.now());
    this.sendService({ _: "decryptedMessageActionReadMessages", randomIds: [...randomIds] });
  }

  deleteMessages(randomIds: readonly bigint[]): void {
    forget(this.state.ttl, randomIds);
    this.sendService({ _: "decryptedMessageActionDeleteMessages", randomIds: [...randomIds] });
  }

  setDefaultTtl(seconds: number): void {
    this.state.defaultTtl = seconds;
    this.sendService({ _: "decryptedMessageActionSetMessageTTL", ttlSeconds: seconds });
  }

  /** Asks the peer to clear the chat's history; our own self-destruct timers go with it. */
  flushHistory(): void {
    this.state.ttl.length = 0;
    this.sendService({ _: "decryptedMessageActionFlushHistory" });
  }

  /** When `tick()` should next run (a self-destruct timer), if ever. */
  get nextDeadline(): number | undefined {
    return nextExpiry(this.state.ttl);
  }

  tick(): void {
    const expired = takeExpired(this.state.ttl, this.now());
    if (expired.length > 0) this.emit({ type: "deleted", randomIds: expired, reason: "ttl" });
  }

  /**
   * One encrypted message from the peer (updateNewEncryptedMessage's bytes, and the encryptedFile
   * the server attached to it); never throws for bad input.
   */
  receive(data: Uint8Array, file?: RawEncryptedFile): void {
    try {
      this.#receive(data, file);
    } catch (error) {
      if (!(error instanceof SecretChatProtocolError)) throw error;
      if (error.code === "SEQ_PARITY") {
        this.state.closed = true;
        this.emit({ type: "aborted", error });
      } else {
        this.emit({ type: "error", error });
      }
    }
  }

  drain(): { packets: OutboundPacket[]; events: SecretChatEvent[] } {
    const out = { packets: this.#packets, events: this.#events };
    this.#packets = [];
    this.#events = [];
    return out;
  }

  emit(event: SecretChatEvent): void {
    this.#events.push(event);
  }

  /** Re-sends our messages with raw out numbers start..end (a decryptedMessageActionResend). */
  resend(rawStart: number, rawEnd: number): void {
    const s = this.state;
    if (rawStart < 0 || rawEnd < rawStart || rawEnd >= s.localOut || rawEnd - rawStart >= this.window) {
      throw new SecretChatProtocolError(
        "RESEND_OUT_OF_RANGE",
        `resend ${rawStart}..${rawEnd} of ${s.localOut} sent`,
        s.chatId,
      );
    }
    const first = s.outbox[0];
    if (first === undefined || first.rawOut > rawStart) {
      throw new SecretChatProtocolError(
        "RESEND_OUT_OF_RANGE",
        `messages from ${rawStart} are no longer kept`,
        s.chatId,
      );
    }
    for (const entry of s.outbox) if (entry.rawOut >= rawStart && entry.rawOut <= rawEnd) this.#encryptAndQueue(entry);
  }

  #receive(data: Uint8Array, file: RawEncryptedFile | undefined): void {
    const s = this.state;
    if (s.closed) throw new SecretChatProtocolError("CHAT_CLOSED", "the chat is closed", s.chatId);
    const { wrapped, withCurrentKey } = decryptInbound(this, data);
    const peer = s.role === "originator" ? "responder" : "originator";
    const { rawIn, rawOut } = rawSeqNumbers(peer, wrapped.inSeqNo, wrapped.outSeqNo);
    const order = classifyInbound(rawIn, rawOut, s.localIn, s.localOut, this.window);
    if (order.kind === "duplicate" || s.held.some((held) => held.rawOut === rawOut)) {
      throw new SecretChatProtocolError("REPLAYED", `out_seq_no ${rawOut} was already received`, s.chatId);
    }
    const message = encodeInner(wrapped.message);
    if (order.kind === "gap") {
      // Resend requests are answered at once, or two sides with gaps would wait for each other.
      const isResend =
        wrapped.message._ === "decryptedMessageService" && wrapped.message.action._ === "decryptedMessageActionResend";
      s.held.push({ rawIn, rawOut, layer: wrapped.layer, message, actedOn: isResend, ...(file ? { file } : {}) });
      s.held.sort((a, b) => a.rawOut - b.rawOut);
      if (isResend) dispatchInbound(this, wrapped.message, false);
      if (s.resendRequestedTo < order.missingTo) {
        const from = Math.max(order.missingFrom, s.resendRequestedTo + 1);
        s.resendRequestedTo = order.missingTo;
        this.sendService({ _: "decryptedMessageActionResend", ...wireResendRange(peer, from, order.missingTo) });
      }
      return;
    }
    this.#process(rawIn, wrapped.message, false, withCurrentKey, file);
    for (let next = s.held[0]; next?.rawOut === s.localIn; next = s.held[0]) {
      s.held.shift();
      this.#process(next.rawIn, decodeInner(next.message), next.actedOn, true, next.file);
    }
    this.#maybeRekey();
  }

  #process(
    rawIn: number,
    message: CurrentDecryptedMessage,
    actedOn: boolean,
    withCurrentKey: boolean,
    file: RawEncryptedFile | undefined,
  ): void {
    const s = this.state;
    if (rawIn < s.lastPeerIn)
      throw new SecretChatProtocolError("SEQ_OUT_OF_RANGE", `in_seq_no went back to ${rawIn}`, s.chatId);
    s.localIn++;
    s.lastPeerIn = rawIn;
    // The peer has processed our messages below in_seq_no: it will never ask for them again.
    while ((s.outbox[0]?.rawOut ?? rawIn) < rawIn) s.outbox.shift();
    if (withCurrentKey) {
      s.keyUses++;
      s.previousKey = undefined; // the peer writes with the new key: nothing in flight needs the old one
    }
    dispatchInbound(this, message, actedOn, file);
  }

  /** Starts re-keying now (https://core.telegram.org/api/end-to-end/pfs); false while one is unfinished. */
  rekey(): boolean {
    const s = this.state;
    if (s.closed || s.rekey.phase !== "idle") return false;
    const step = startRekey(this.crypto, s.dh);
    s.rekey = step.state;
    if (step.send !== undefined) this.sendService(step.send);
    return true;
  }

  #maybeRekey(): void {
    const s = this.state;
    if (rekeyDue(s.keyUses, s.keySent, s.keyCreatedAt, this.now())) this.rekey();
  }

  #send(message: CurrentDecryptedMessage, service: boolean, file?: TypeInputEncryptedFile): void {
    const s = this.state;
    if (s.closed) throw new SecretChatProtocolError("CHAT_CLOSED", "the chat is closed", s.chatId);
    const entry: OutboxEntry = {
      rawOut: s.localOut,
      rawIn: s.localIn,
      randomId: message.randomId,
      service,
      message: encodeInner(message),
      ...(file === undefined ? {} : { file }),
    };
    s.localOut++;
    s.keySent++;
    s.keyUses++;
    s.outbox.push(entry);
    if (s.outbox.length > this.window) s.outbox.shift();
    this.#encryptAndQueue(entry, message);
    if (!service) this.#maybeRekey();
  }

  #encryptAndQueue(entry: OutboxEntry, message: CurrentDecryptedMessage = decodeInner(entry.message)): void {
    const s = this.state;
    const wire = wireSeqNumbers(s.role, entry.rawIn, entry.rawOut);
    const tl = encodeLayerMessage(this.crypto, s.layer, wire.inSeqNo, wire.outSeqNo, message);
    const data = encryptSecretMessage(this.crypto, s.key.key, tl, s.role);
    this.#packets.push({
      randomId: entry.randomId,
      data,
      service: entry.service,
      ...(entry.file === undefined ? {} : { file: entry.file }),
    });
  }

  #randomId(): bigint {
    return readInt64LE(this.crypto.randomFill(new Uint8Array(8)), 0);
  }
}
