/**
 * What one hostile or broken peer may cost a DC's listeners (TCP and WebSocket alike). Without
 * them, 100 connections that each send 2 MiB - 1 of a 2 MiB frame held ~200 MB, and slowloris
 * connections (1 byte/s) stayed open for ever.
 */
export interface ListenerLimits {
  /** Open connections per DC (TCP and WebSocket together); past it new ones are closed at once. */
  readonly maxConnections: number;
  /** Time from accept to a recognised transport (tag, obfuscation header, TLS hello). */
  readonly transportInitMs: number;
  /** Time from accept to an auth key made, or a first message accepted under a known key. */
  readonly handshakeMs: number;
  /** A connection that delivers no whole packet for this long is closed. */
  readonly idleMs: number;
  /**
   * Bytes all connections of a DC may hold in partial frames together; the connection whose
   * frame would pass it is closed. Default: an eighth of `memoryBudgetBytes`.
   */
  readonly frameBufferBytes: number;
  /**
   * The memory (resident set size) the listeners are sized for: the default partial-frame budget
   * is an eighth of it. `pnpm bench` checks the server stays under it during a flood. Default 256 MiB.
   */
  readonly memoryBudgetBytes: number;
}

export const DEFAULT_MEMORY_BUDGET_BYTES = 256 * 1024 * 1024;

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = {
  maxConnections: 16_384,
  transportInitMs: 10_000,
  handshakeMs: 30_000,
  // Clients ping at least every minute (ping_delay_disconnect 75 s), so five idle minutes is dead.
  idleMs: 300_000,
  frameBufferBytes: DEFAULT_MEMORY_BUDGET_BYTES / 8,
  memoryBudgetBytes: DEFAULT_MEMORY_BUDGET_BYTES,
};

/** Fills what `partial` leaves out; `frameBufferBytes` follows a custom memory budget. */
export function resolveListenerLimits(partial: Partial<ListenerLimits> = {}): ListenerLimits {
  const memoryBudgetBytes = partial.memoryBudgetBytes ?? DEFAULT_LISTENER_LIMITS.memoryBudgetBytes;
  return {
    ...DEFAULT_LISTENER_LIMITS,
    frameBufferBytes: Math.floor(memoryBudgetBytes / 8),
    ...partial,
    memoryBudgetBytes,
  };
}
