/**
 * A carrier moves raw bytes: a TCP socket, a WebSocket, an in-memory pipe. The generic links in
 * this folder put a sans-IO `PacketConnection` on top of any carrier.
 */
export interface ByteCarrier {
  /**
   * Resolves when the bytes are accepted (e.g. after 'drain' when the socket buffer was full).
   * A carrier that took them at once may return `WRITTEN`: the link then writes its next packet
   * straight away instead of queueing it behind a promise (no promise, no microtask per packet).
   */
  write(bytes: Uint8Array): Promise<void>;
  /** Optional vectored write of several parts in order (saves concatenating them). */
  writeParts?(parts: Uint8Array[]): Promise<void>;
  /** Closes; `onClose` fires afterwards. */
  close(): void;
  /** Registers the single consumer; called once by the link. */
  start(handlers: CarrierHandlers): void;
}

export interface CarrierHandlers {
  data(bytes: Uint8Array): void;
  /** The carrier closed; `error` when it was not a clean close. */
  close(error?: Error): void;
}

/** What `ByteCarrier.write` may return when the bytes were taken at once (an already resolved promise). */
export const WRITTEN: Promise<void> = Promise.resolve();
