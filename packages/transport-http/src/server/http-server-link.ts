import type { ConnectionInfo } from "@mtkit/transport-tcp/codec";
import { TransportError } from "@mtkit/transport-tcp/codec";
import { EventHub, type ServerConnectionLink, type TransportListener } from "@mtkit/transport-tcp/transport";
import { httpStatusOf } from "../status.js";
import type { Responder } from "./responder.js";

export interface HttpLinkLimits {
  /** Upper bound on a long poll, whatever max_wait the client asked. */
  readonly maxPollMs: number;
  /** Packets waiting for a request to carry them; past it the link closes (a client that never polls). */
  readonly maxQueuedPackets: number;
  /** The link closes after this long without a request or a held poll. */
  readonly idleMs: number;
}

const HTTP_INFO: ConnectionInfo = { protocol: "http", obfuscated: false };

/**
 * One virtual connection of the HTTP transport (https://core.telegram.org/mtproto/transports#http):
 * the requests routed to one key (or one key exchange). A packet it sends waits for a request to
 * answer: the one being received, or a held long poll. Every request gets exactly one answer, at
 * once unless the packet asked for a long poll (`holdAnswer`), then when something is sent or after
 * max_wait. At most one poll is held: a newer one answers the older empty.
 */
export class HttpServerLink implements ServerConnectionLink {
  readonly info = HTTP_INFO;
  private readonly hub = new EventHub();
  private readonly queue: Uint8Array[] = [];
  private current: { responder: Responder; holdMs: number | undefined } | undefined;
  private held: { responder: Responder; timer: ReturnType<typeof setTimeout> } | undefined;
  private isClosed = false;
  private readonly idleTimer: ReturnType<typeof setTimeout>;

  constructor(
    readonly remote: string,
    private readonly limits: HttpLinkLimits,
    private readonly onClosed: () => void,
  ) {
    this.idleTimer = setTimeout(() => {
      if (this.held === undefined) void this.close();
      else this.idleTimer.refresh();
    }, limits.idleMs);
    this.idleTimer.unref();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** A request's body arrived: hand it up, then answer now or hold it. */
  receive(packet: Uint8Array, responder: Responder): void {
    if (this.isClosed) {
      responder.answer(new Uint8Array(0));
      return;
    }
    this.idleTimer.refresh();
    const request = { responder, holdMs: undefined as number | undefined };
    this.current = request;
    this.hub.emit({ type: "packet", packet });
    this.current = undefined;
    if (!responder.open) return; // answered while handled (a status, a close)
    if (request.holdMs === undefined || this.queue.length > 0) {
      // Answers produced by the handlers in this turn (handshake steps, quick RPCs) still make it.
      setImmediate(() => {
        this.answer(responder);
      });
      return;
    }
    this.hold(responder, request.holdMs);
  }

  holdAnswer(maxWaitMs: number): void {
    if (this.current !== undefined) this.current.holdMs = Math.min(maxWaitMs, this.limits.maxPollMs);
  }

  send(packet: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(new TransportError("CLOSED", "HTTP link closed"));
    if (this.queue.length >= this.limits.maxQueuedPackets) {
      void this.close(new TransportError("CLOSED", "the client does not poll: too many packets waiting"));
      return Promise.reject(new TransportError("CLOSED", "HTTP link closed"));
    }
    this.queue.push(packet);
    const held = this.held;
    if (held !== undefined && this.current === undefined) {
      this.held = undefined;
      clearTimeout(held.timer);
      setImmediate(() => {
        this.answer(held.responder);
      });
    }
    return Promise.resolve();
  }

  sendQuickAck(): Promise<void> {
    return Promise.resolve(); // HTTP has no quick acks
  }

  /** -404 and friends are HTTP statuses here; the request being received (or the held poll) gets it. */
  sendStatus(status: number): Promise<void> {
    const target = this.current?.responder ?? this.takeHeld();
    target?.fail(httpStatusOf(status));
    return Promise.resolve();
  }

  subscribe(listener: TransportListener): () => void {
    return this.hub.subscribe(listener);
  }

  close(error?: Error): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    this.isClosed = true;
    clearTimeout(this.idleTimer);
    const held = this.takeHeld();
    if (held !== undefined) this.answer(held);
    this.queue.length = 0;
    this.onClosed();
    this.hub.emit(error === undefined ? { type: "close" } : { type: "close", error });
    return Promise.resolve();
  }

  private hold(responder: Responder, holdMs: number): void {
    const older = this.takeHeld();
    if (older !== undefined) this.answer(older); // one held poll per link
    const timer = setTimeout(() => {
      if (this.held?.responder === responder) this.held = undefined;
      this.answer(responder);
    }, holdMs);
    timer.unref();
    this.held = { responder, timer };
  }

  private takeHeld(): Responder | undefined {
    const held = this.held;
    if (held === undefined) return undefined;
    this.held = undefined;
    clearTimeout(held.timer);
    return held.responder;
  }

  /** One packet per answer: the HTTP transport has no framing, the body is the packet. */
  private answer(responder: Responder): void {
    if (!responder.open) return;
    responder.answer(this.queue.shift() ?? new Uint8Array(0));
  }
}
