import { SessionError } from "../errors.js";
import { backoffDelay, type BackoffOptions } from "./backoff.js";
import type { DriverTimers, DriverTransport, DriverTransportEvent } from "./transport.js";

export interface KeeperHooks {
  /** Every transport event but `close` (packets, quick acks, status). */
  readonly onEvent: (event: DriverTransportEvent) => void;
  /** A connection is up (the first one, or again after a drop). */
  readonly onUp: () => void;
  /** The connection is gone: dropped by the network or the server (`error`: why), or closed for a reconnect. */
  readonly onDown: (error?: Error) => void;
  /** A forced reconnect starts (`reason`: `dead`, or what `restart()` was given). */
  readonly onRestart: (reason: string) => void;
  /** The network or the server closed the connection cleanly (not us, no error); a reconnect is scheduled. */
  readonly onDropped?: () => void;
}

export interface KeeperOptions<Address> {
  readonly transport: DriverTransport<Address>;
  readonly address: Address;
  readonly timers: DriverTimers;
  /** Injected randomness in [0, 1] for the backoff jitter. */
  readonly random01: () => number;
  readonly backoff: BackoffOptions | undefined;
}

/**
 * Keeps one transport connected: reconnects with exponential backoff after a drop, and on demand
 * at once (`restart`). Knows nothing of MTProto; the driver reacts to `onUp` / `onDown`.
 */
export class ConnectionKeeper<Address> {
  connected = false;
  private closed = false;
  private unsubscribe: (() => void) | undefined;
  private reconnectTimer: unknown;
  private attempt = 0;
  /** The transport connect in progress, if any. */
  private connecting: Promise<void> | undefined;
  /** A forced reconnect in progress; a second request joins it. */
  private restarting: Promise<void> | undefined;
  /** Set while we close the transport ourselves, so that close is not taken for a drop. */
  private dropping = false;

  constructor(
    private readonly options: KeeperOptions<Address>,
    private readonly hooks: KeeperHooks,
  ) {}

  async connect(): Promise<void> {
    if (this.closed) throw new SessionError("CLOSED", "driver closed");
    const { transport } = this.options;
    this.unsubscribe?.();
    this.unsubscribe = transport.subscribe((event) => {
      if (event.type === "close") this.onClose(event.error);
      else this.hooks.onEvent(event);
    });
    const connecting = transport.connect(this.options.address);
    this.connecting = connecting;
    try {
      await connecting;
    } finally {
      this.connecting = undefined;
    }
    if (this.isClosed()) return;
    this.connected = true;
    this.attempt = 0;
    this.hooks.onUp();
  }

  /** Drops the transport and connects again now; the backoff takes over if that attempt fails. */
  restart(reason: string): Promise<void> {
    if (this.closed) return Promise.reject(new SessionError("CLOSED", "driver closed"));
    this.restarting ??= this.dropAndConnect(reason).finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  /** Stops reconnecting and closes the transport. */
  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    if (this.reconnectTimer !== undefined) this.options.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.unsubscribe?.();
    await this.options.transport.close();
  }

  private async dropAndConnect(reason: string): Promise<void> {
    this.hooks.onRestart(reason);
    if (this.connected) {
      this.connected = false;
      this.hooks.onDown();
    }
    if (this.reconnectTimer !== undefined) this.options.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.dropping = true;
    await this.options.transport.close().catch(() => undefined);
    this.dropping = false;
    await this.connecting?.catch(() => undefined); // a dial in progress was aborted by close()
    if (this.closed) return;
    this.attempt = 0;
    try {
      await this.connect();
    } catch {
      if (!this.isClosed()) this.scheduleReconnect();
    }
  }

  /** A method, not the field: close() may run while we await, which narrowing cannot see. */
  private isClosed(): boolean {
    return this.closed;
  }

  private onClose(error: Error | undefined): void {
    // A close we caused, or one while no connection is up (a failing dial reports itself), is no drop.
    if (this.closed || this.dropping || !this.connected) return;
    this.connected = false;
    this.hooks.onDown(error);
    // A close with an error is reported by onDown; a clean close (the server or a middlebox hung up) here.
    if (error === undefined) this.hooks.onDropped?.();
    this.scheduleReconnect();
  }

  /** Exponential backoff with jitter (±25 %) so many clients do not reconnect in lockstep. */
  private scheduleReconnect(): void {
    if (this.reconnectTimer !== undefined) return;
    const delay = backoffDelay(this.attempt++, this.options.random01(), this.options.backoff);
    this.reconnectTimer = this.options.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch(() => {
        if (!this.closed && this.restarting === undefined) this.scheduleReconnect();
      });
    }, delay);
  }
}
