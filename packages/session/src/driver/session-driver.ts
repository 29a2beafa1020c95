import type { RpcMethods } from '@mtkit/tl-core/api';
import type { TlObject } from '@mtkit/tl-core';
import type { AuthKey } from '@mtkit/mtproto-crypto';
import { ClientSession, type ClientSessionOptions } from '../client/client-session.js';
import type { ClientSessionEvent } from '../client/events.js';
import { randomLong } from '../core/session-state.js';
import { MessageRejectedError, SessionError } from '../errors.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { PendingRequests } from './pending-requests.js';
import { realTimers, type DriverTimers, type DriverTransport, type DriverTransportEvent } from './transport.js';

/** The result type of a request object, from the API's `RpcMethods` map. */
/**
 * The result type of a request. Wrapper methods whose result is their generic `!X` query
 * (invokeWithLayer, initConnection, invokeWithoutUpdates, invokeAfterMsg, ...) resolve to the
 * result of the wrapped `query`, so `invoke(invokeWithLayer(initConnection(help.getConfig)))` is a Config.
 */
export type ResultOf<R> = R extends { readonly _: infer K }
  ? K extends keyof RpcMethods
    ? unknown extends RpcMethods[K]['result']
      ? R extends { readonly query: infer Q }
        ? ResultOf<Q>
        : unknown
      : RpcMethods[K]['result']
    : unknown
  : unknown;

export interface SessionDriverOptions<Address> extends ClientSessionOptions {
  readonly transport: DriverTransport<Address>;
  readonly address: Address;
  /** Per-request timeout (ms); the request is then cancelled with rpc_drop_answer. Default 60 s. */
  readonly requestTimeoutMs?: number;
  /** Keep-alive ping_delay_disconnect period (ms), default 60 s; the server drops us 75 s after the last. */
  readonly pingIntervalMs?: number;
  readonly disconnectDelaySeconds?: number;
  /** How long acks may wait for other traffic before going out alone (ms). */
  readonly ackDelayMs?: number;
  readonly backoff?: BackoffOptions;
  readonly timers?: DriverTimers;
  /** Updates, new_session_created, -404 ... everything not tied to one request. */
  readonly onEvent?: (event: ClientSessionEvent | { readonly type: 'auth-key-unknown' } | { readonly type: 'rejected'; readonly error: MessageRejectedError }) => void;
}

/**
 * The thin I/O layer of the client role: binds a ClientSession to a transport and real timers.
 * Pending requests resolve with typed results; unanswered ones survive reconnects (same msg_id,
 * so never executed twice); `close()` stops every timer.
 */
export class SessionDriver<Address = unknown> {
  readonly session: ClientSession;
  private readonly pending: PendingRequests;
  private readonly timers: DriverTimers;
  private unsubscribe: (() => void) | undefined;
  private pingTimer: unknown;
  private ackTimer: unknown;
  private reconnectTimer: unknown;
  private attempt = 0;
  private closed = false;
  private connected = false;
  private flushScheduled = false;
  private readonly pingWaiters = new Map<bigint, { resolve: () => void; reject: (error: SessionError) => void }>();

  constructor(private readonly options: SessionDriverOptions<Address>) {
    this.session = new ClientSession(options);
    this.timers = options.timers ?? realTimers;
    this.pending = new PendingRequests(this.timers);
  }

  /** Connects the transport and starts the keep-alive. */
  async connect(): Promise<void> {
    if (this.closed) throw new SessionError('CLOSED', 'driver closed');
    this.unsubscribe?.();
    this.unsubscribe = this.options.transport.subscribe((event) => {
      this.onTransportEvent(event);
    });
    await this.options.transport.connect(this.options.address);
    this.connected = true;
    this.attempt = 0;
    this.session.reconnected();
    this.schedulePing();
    this.flush();
  }

  /** Sends `request` and resolves with its typed result; rejects with RpcError or SessionError. */
  invoke<const R extends TlObject>(request: R, options: { readonly signal?: AbortSignal; readonly timeoutMs?: number } = {}): Promise<ResultOf<R>> {
    if (this.closed) return Promise.reject(new SessionError('CLOSED', 'driver closed'));
    if (options.signal?.aborted === true) return Promise.reject(new SessionError('ABORTED', 'request aborted', options.signal.reason));
    return this.track<ResultOf<R>>(this.session.invoke(request), options);
  }

  private track<T>(requestId: number, options: { readonly signal?: AbortSignal; readonly timeoutMs?: number }): Promise<T> {
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
    if (this.closed) return Promise.reject(new SessionError('CLOSED', 'driver closed'));
    const pingId = randomLong(this.options.env);
    const started = this.options.env.now();
    return new Promise<number>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.pingWaiters.delete(pingId);
        reject(new SessionError('TIMEOUT', 'no pong'));
      }, options.timeoutMs ?? this.options.requestTimeoutMs ?? 60_000);
      this.pingWaiters.set(pingId, {
        resolve: () => {
          this.timers.clearTimeout(timer);
          resolve(this.options.env.now() - started);
        },
        reject: (error) => {
          this.timers.clearTimeout(timer);
          reject(error);
        },
      });
      this.session.ping(pingId);
      this.scheduleFlush();
    });
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
    for (const t of [this.pingTimer, this.ackTimer, this.reconnectTimer]) if (t !== undefined) this.timers.clearTimeout(t);
    this.unsubscribe?.();
    this.session.abandonAll();
    this.pending.rejectAll(new SessionError('CLOSED', 'driver closed'));
    for (const waiter of this.pingWaiters.values()) waiter.reject(new SessionError('CLOSED', 'driver closed'));
    this.pingWaiters.clear();
    await this.options.transport.close();
  }

  private flush(): void {
    if (!this.connected || this.closed) return;
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
    if (event.type === 'packet') this.onPacket(event.packet);
    else if (event.type === 'status' && event.error.status === -404) {
      this.options.onEvent?.({ type: 'auth-key-unknown' });
      this.pending.rejectAll(new SessionError('AUTH_KEY_UNKNOWN', 'the server does not know this auth key (-404)'));
      this.session.abandonAll();
    } else if (event.type === 'close') this.onDisconnect();
  }

  private onPacket(packet: Uint8Array): void {
    let events: ClientSessionEvent[];
    try {
      events = this.session.receive(packet);
    } catch (error) {
      // Security Guidelines: a rejected packet is dropped silently, the same way for every reason.
      const rejected = error instanceof MessageRejectedError ? error : new MessageRejectedError('MALFORMED_BODY', String(error));
      this.options.onEvent?.({ type: 'rejected', error: rejected });
      return;
    }
    for (const event of events) this.dispatch(event);
    if (this.session.wantsFlush) this.flush();
    else if (this.session.hasPendingAcks && this.ackTimer === undefined) {
      this.ackTimer = this.timers.setTimeout(() => {
        this.ackTimer = undefined;
        this.flush();
      }, this.options.ackDelayMs ?? 500);
    }
  }

  private dispatch(event: ClientSessionEvent): void {
    switch (event.type) {
      case 'result':
        this.pending.resolve(event.requestId, event.result);
        return;
      case 'rpc-error':
        this.pending.reject(event.requestId, event.error);
        return;
      case 'result-undecodable':
        this.pending.reject(event.requestId, new SessionError('BAD_MSG', 'answer could not be decoded', event.cause));
        return;
      case 'bad-msg':
        this.pending.reject(event.requestId, new SessionError('BAD_MSG', `bad_msg_notification ${event.errorCode}`));
        return;
      case 'flush-needed':
        return;
      case 'pong': {
        const waiter = this.pingWaiters.get(event.pingId);
        if (waiter !== undefined) {
          this.pingWaiters.delete(event.pingId);
          waiter.resolve();
        }
        this.options.onEvent?.(event);
        return;
      }
      default:
        this.options.onEvent?.(event);
    }
  }

  private schedulePing(): void {
    if (this.pingTimer !== undefined) this.timers.clearTimeout(this.pingTimer);
    this.pingTimer = this.timers.setTimeout(() => {
      this.pingTimer = undefined;
      if (this.closed || !this.connected) return;
      this.session.pingDelayDisconnect(this.options.disconnectDelaySeconds ?? 75);
      // Fetch salts ahead of time so a salt change never costs a bad_server_salt round trip.
      const state = this.session.state;
      if (state.salts.coverageSeconds(state.clock.serverNowSeconds()) < 1800) this.session.getFutureSalts(32);
      this.flush();
      this.schedulePing();
    }, this.options.pingIntervalMs ?? 60_000);
  }

  private onDisconnect(): void {
    this.connected = false;
    if (this.closed) return;
    if (this.pingTimer !== undefined) this.timers.clearTimeout(this.pingTimer);
    this.pingTimer = undefined;
    const random01 = (this.options.env.randomBytes(1)[0] ?? 0) / 255;
    const delay = backoffDelay(this.attempt++, random01, this.options.backoff);
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch(() => {
        this.onDisconnect();
      });
    }, delay);
  }
}
