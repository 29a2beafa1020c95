import type { TlObject } from "@mtkit/tl-core";
import type { AuthKey } from "@mtkit/mtproto-crypto";
import { ClientSession, type OpenedMessage } from "../client/client-session.js";
import type { ClientSessionEvent } from "../client/events.js";
import { expandGzipPacked, hasGzipPacked } from "../core/expand-gzip.js";
import { randomLong } from "../core/session-state.js";
import { MessageRejectedError, SessionError } from "../errors.js";
import { ConnectionKeeper } from "./connection-keeper.js";
import { ConnectionWatchdog } from "./connection-watchdog.js";
import type { SessionDriverOptions } from "./driver-options.js";
import { InboundQueue } from "./inbound-queue.js";
import { PendingRequests } from "./pending-requests.js";
import { HttpWaitPoller } from "./http-wait-poller.js";
import { PingWaiters } from "./ping-waiters.js";
import type { ResultOf } from "./result-of.js";
import { routeSessionEvent } from "./session-event-router.js";
import { realTimers, type DriverTimers, type DriverTransportEvent } from "./transport.js";

export type { ResultOf } from "./result-of.js";
export type { SessionDriverOptions } from "./driver-options.js";

/**
 * The thin I/O layer of the client role: binds a ClientSession to a transport and real timers.
 * Pending requests resolve with typed results; unanswered ones survive reconnects (same msg_id,
 * so never executed twice); `close()` stops every timer.
 */
export class SessionDriver<Address = unknown> {
  readonly session: ClientSession;
  private readonly pending: PendingRequests;
  private readonly timers: DriverTimers;
  private readonly watchdog: ConnectionWatchdog;
  private readonly link: ConnectionKeeper<Address>;
  private ackTimer: unknown;
  private closed = false;
  private flushScheduled = false;
  private readonly pingWaiters: PingWaiters;
  /** Only on request-response transports (HTTP): keeps an http_wait outstanding. */
  private readonly poller: HttpWaitPoller | undefined;
  private readonly inbound = new InboundQueue((error) => {
    this.rejected(error);
  });

  constructor(private readonly options: SessionDriverOptions<Address>) {
    this.session = new ClientSession(options);
    this.timers = options.timers ?? realTimers;
    this.pending = new PendingRequests(this.timers);
    this.pingWaiters = new PingWaiters(this.timers, () => options.env.now());
    this.watchdog = new ConnectionWatchdog(
      {
        pingIntervalMs: options.pingIntervalMs ?? 60_000,
        deadConnectionTimeoutMs: options.deadConnectionTimeoutMs ?? 15_000,
      },
      {
        now: () => options.env.now(),
        timers: this.timers,
        busy: () => this.pending.size > 0 || this.pingWaiters.size > 0,
        ping: (reason) => {
          this.sendKeepAlive(reason === "keep-alive");
        },
        suspect: (lateMs) => options.onEvent?.({ type: "connection-suspect", lateMs }),
        dead: (silentMs) => {
          options.onEvent?.({ type: "connection-dead", silentMs });
          void this.link.restart("dead").catch(() => undefined);
        },
      },
    );
    const longPoll = options.transport.longPoll;
    this.poller =
      longPoll === undefined
        ? undefined
        : new HttpWaitPoller(longPoll, options.httpWait ?? {}, {
            now: () => options.env.now(),
            timers: this.timers,
            sendPoll: (maxWaitMs) => {
              this.session.httpWait(0, 0, maxWaitMs);
              this.flush();
            },
          });
    this.link = new ConnectionKeeper(
      {
        transport: options.transport,
        address: options.address,
        timers: this.timers,
        random01: () => (options.env.randomBytes(1)[0] ?? 0) / 255,
        backoff: options.backoff,
      },
      {
        onEvent: (event) => {
          this.onTransportEvent(event);
        },
        onUp: () => {
          // A new connection: resend every unanswered request with its original msg_id.
          this.session.reconnected();
          this.watchdog.start();
          this.poller?.start(); // the first http_wait joins the resent requests
          this.flush();
        },
        onDown: (error) => {
          this.watchdog.stop();
          this.poller?.stop();
          if (error !== undefined) this.connectionLost(error);
        },
        onRestart: (reason) => options.onEvent?.({ type: "reconnecting", reason }),
        onDropped: () => options.onEvent?.({ type: "connection-dropped" }),
      },
    );
  }

  /** Connects the transport and starts the keep-alive and the dead-connection watchdog. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new SessionError("CLOSED", "driver closed"));
    return this.link.connect();
  }

  /**
   * Drops the transport and connects again now, for an app that knows the network changed (the
   * browser's `online` event, a new network interface). Pending requests survive and go out again
   * with their original msg_id, so none runs twice. Resolves when the new connection is up, or when
   * that first attempt failed and the usual backoff took over; rejects with CLOSED after close().
   */
  reconnect(reason = "requested"): Promise<void> {
    if (this.closed) return Promise.reject(new SessionError("CLOSED", "driver closed"));
    return this.link.restart(reason);
  }

  /** Sends `request` and resolves with its typed result; rejects with RpcError or SessionError. */
  invoke<const R extends TlObject>(
    request: R,
    options: { readonly signal?: AbortSignal; readonly timeoutMs?: number } = {},
  ): Promise<ResultOf<R>> {
    if (this.closed) return Promise.reject(new SessionError("CLOSED", "driver closed"));
    if (options.signal?.aborted === true)
      return Promise.reject(new SessionError("ABORTED", "request aborted", options.signal.reason));
    return this.track<ResultOf<R>>(this.session.invoke(request), options);
  }

  private track<T>(
    requestId: number,
    options: { readonly signal?: AbortSignal; readonly timeoutMs?: number },
  ): Promise<T> {
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.add(requestId, resolve as (value: unknown) => void, reject, {
        timeoutMs: options.timeoutMs ?? this.options.requestTimeoutMs ?? 60_000,
        signal: options.signal,
        onCancel: (reason) => {
          this.session.cancel(requestId);
          this.pending.reject(requestId, reason);
          this.flush();
        },
      });
    });
    this.scheduleFlush();
    return promise;
  }

  /**
   * Flushes once at the end of the current tick, so every request queued in the same tick goes out
   * packed in one msg_container (https://core.telegram.org/mtproto/service_messages#containers)
   * instead of one encrypted packet each.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /**
   * Sends an MTProto `ping` and resolves with the round-trip time in ms when its `pong` arrives
   * (https://core.telegram.org/mtproto/service_messages#ping-messages-pingpong). Rejects with
   * SessionError TIMEOUT after `timeoutMs` (default: the request timeout) or CLOSED on close().
   */
  ping(options: { readonly timeoutMs?: number } = {}): Promise<number> {
    if (this.closed) return Promise.reject(new SessionError("CLOSED", "driver closed"));
    const pingId = randomLong(this.options.env);
    const rtt = this.pingWaiters.add(pingId, options.timeoutMs ?? this.options.requestTimeoutMs ?? 60_000);
    this.session.ping(pingId);
    this.scheduleFlush();
    return rtt;
  }

  /** Binds this driver's temporary key to `permKey` (https://core.telegram.org/api/pfs); resolves true. */
  bindTempAuthKey(permKey: AuthKey, expiresAt: number): Promise<boolean> {
    const requestId = this.session.bindTempAuthKey(permKey, expiresAt);
    return this.track<boolean>(requestId, {});
  }

  /** Stops every timer, fails pending requests with CLOSED and closes the transport. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.watchdog.stop();
    this.poller?.dispose();
    if (this.ackTimer !== undefined) this.timers.clearTimeout(this.ackTimer);
    this.session.abandonAll();
    this.pending.rejectAll(new SessionError("CLOSED", "driver closed"));
    this.pingWaiters.rejectAll(new SessionError("CLOSED", "driver closed"));
    await this.link.close();
  }

  private flush(): void {
    if (!this.link.connected || this.closed) return;
    if (this.ackTimer !== undefined) {
      this.timers.clearTimeout(this.ackTimer);
      this.ackTimer = undefined;
    }
    for (const packet of this.session.flush()) {
      this.options.transport.send(packet).catch(() => undefined); // a failed send shows up as 'close'
    }
  }

  private onTransportEvent(event: DriverTransportEvent): void {
    if (this.closed) return;
    // Anything from the server is life; checked by the watchdog's one timer, not per packet.
    this.watchdog.received();
    if (event.type === "packet") {
      this.poller?.received();
      this.onPacket(event.packet);
    } else if (event.type === "status" && event.error.status === -404) {
      this.options.onEvent?.({ type: "auth-key-unknown" });
      this.pending.rejectAll(new SessionError("AUTH_KEY_UNKNOWN", "the server does not know this auth key (-404)"));
      this.session.abandonAll();
    }
  }

  /** Reported, never silent; requests that saw too many such losses fail instead of looping. */
  private connectionLost(error: Error): void {
    this.options.onEvent?.({ type: "connection-lost", error });
    const failed = this.session.connectionLost(this.options.maxConnectionLosses ?? 3);
    for (const requestId of failed) {
      this.pending.reject(
        requestId,
        new SessionError(
          "CONNECTION_LOST",
          `the connection closed with an error each time this request waited: ${error.message}`,
          error,
        ),
      );
    }
  }

  private onPacket(packet: Uint8Array): void {
    this.inbound.run(() => this.receive(packet));
  }

  /** One packet: opened now; delivered now, or after its gzip_packed parts are inflated asynchronously. */
  private receive(packet: Uint8Array): Promise<void> | undefined {
    if (this.closed) return undefined;
    let message: OpenedMessage;
    try {
      message = this.session.open(packet);
    } catch (error) {
      this.rejected(error);
      return undefined;
    }
    const gunzip = this.session.state.env.gunzip;
    if (gunzip === undefined || !hasGzipPacked(message.body)) {
      this.deliver(message);
      return undefined;
    }
    return expandGzipPacked(message.body, this.session.state.codec, gunzip).then((body) => {
      if (!this.closed) this.deliver({ ...message, body });
    });
  }

  /**
   * Security Guidelines: a rejected packet is dropped, the same way for every reason; it may have
   * held an answer, so those are asked for again now instead of after the watchdog.
   */
  private rejected(error: unknown): void {
    const rejected =
      error instanceof MessageRejectedError ? error : new MessageRejectedError("MALFORMED_BODY", String(error));
    const askedAgain = this.session.askForAnswersAgain();
    this.options.onEvent?.({ type: "rejected", error: rejected, askedAgain });
    if (askedAgain > 0) this.flush();
  }

  private deliver(message: OpenedMessage): void {
    let events: ClientSessionEvent[];
    try {
      events = this.session.dispatchOpened(message);
    } catch (error) {
      this.rejected(error);
      return;
    }
    for (const event of events) routeSessionEvent(event, this.pending, this.pingWaiters, this.options.onEvent);
    if (this.session.wantsFlush) this.flush();
    else if (this.session.hasPendingAcks && this.ackTimer === undefined) {
      this.ackTimer = this.timers.setTimeout(() => {
        this.ackTimer = undefined;
        this.flush();
      }, this.options.ackDelayMs ?? 500);
    }
  }

  /** ping_delay_disconnect (https://core.telegram.org/mtproto/service_messages#deferred-connection-closure--ping). */
  private sendKeepAlive(keepAlive: boolean): void {
    if (this.closed || !this.link.connected) return;
    this.session.pingDelayDisconnect(this.options.disconnectDelaySeconds ?? 75);
    // Fetch salts ahead of time so a salt change never costs a bad_server_salt round trip.
    const state = this.session.state;
    if (keepAlive && state.salts.coverageSeconds(state.clock.serverNowSeconds()) < 1800)
      this.session.getFutureSalts(32);
    this.flush();
  }
}
