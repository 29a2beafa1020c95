/**
 * The slice of `@mtkit/transport-tcp`'s `Transport` contract the driver uses, written structurally
 * so any transport (TCP, WebSocket, in-memory pipe, your own) fits without a dependency.
 */
export type DriverTransportEvent =
  | { readonly type: "packet"; readonly packet: Uint8Array }
  | { readonly type: "quickAck"; readonly token: number }
  /** A transport error packet such as -404 (auth key unknown to the server). */
  | { readonly type: "status"; readonly error: Error & { readonly status: number } }
  | { readonly type: "close"; readonly error?: Error };

export interface DriverTransport<Address = unknown> {
  connect(address: Address, options?: { readonly signal?: AbortSignal }): Promise<void>;
  send(packet: Uint8Array): Promise<void>;
  subscribe(listener: (event: DriverTransportEvent) => void): () => void;
  close(): Promise<void>;
  readonly closed: boolean;
  /**
   * Capability of request-response transports (HTTP): the server can only answer requests, so the
   * driver keeps a long poll (http_wait) outstanding. Absent on stream transports.
   */
  readonly longPoll?: LongPollSource;
}

/** What a request-response transport tells the driver about its requests. */
export interface LongPollSource {
  /**
   * Calls `listener` whenever no request is outstanding any more, so nothing could carry what the
   * server wants to push; returns the unsubscribe function.
   */
  onIdle(listener: () => void): () => void;
}

/** Timers, injectable so tests can drive time by hand. */
export interface DriverTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /**
   * The clock these timers run on (ms, monotonic). With it, request deadlines share one timer
   * instead of one per request; without it (timers driven by hand), each request gets its own.
   */
  readonly now?: () => number;
}

export const realTimers: DriverTimers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
