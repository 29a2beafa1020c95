import { TransportError } from "@mtkit/transport-tcp/codec";
import type { ByteCarrier, CarrierHandlers } from "@mtkit/transport-tcp/transport";
import type { RawData, WebSocket } from "ws";

const HIGH_WATER_MARK = 1024 * 1024;
/** How long a peer has to answer our close frame before its socket is destroyed. */
export const DEFAULT_WS_CLOSE_TIMEOUT_MS = 2000;

/** Server side: a `ws` connection as a `ByteCarrier` (binary frames, back-pressure via send callbacks). */
export class WsServerCarrier implements ByteCarrier {
  private readonly socket: WebSocket;
  private failed: Error | undefined;
  private readonly closeTimeoutMs: number;

  constructor(socket: WebSocket, closeTimeoutMs = DEFAULT_WS_CLOSE_TIMEOUT_MS) {
    this.socket = socket;
    this.closeTimeoutMs = closeTimeoutMs;
  }

  start(handlers: CarrierHandlers): void {
    this.socket.on("message", (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        this.failed = new TransportError("CARRIER", "text WebSocket frame from the client");
        this.socket.close(1000, "400");
        return;
      }
      for (const chunk of Array.isArray(data) ? data : [data])
        handlers.data(
          chunk instanceof ArrayBuffer
            ? new Uint8Array(chunk)
            : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength),
        );
    });
    this.socket.on("error", (error) => {
      this.failed = new TransportError("CARRIER", `WebSocket error: ${error.message}`);
    });
    this.socket.on("close", () => {
      handlers.close(this.failed);
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.socket.readyState !== this.socket.OPEN)
      return Promise.reject(new TransportError("CLOSED", "WebSocket is not open"));
    return new Promise((resolve, reject) => {
      this.socket.send(bytes, { binary: true }, (error) => {
        if (error) reject(new TransportError("CARRIER", `WebSocket send failed: ${error.message}`));
        else resolve();
      });
      // Resolve early while little is queued; otherwise wait for the callback above (back-pressure).
      if (this.socket.bufferedAmount <= HIGH_WATER_MARK) resolve();
    });
  }

  /**
   * Telegram closes with code 1000; so do we. A peer that never answers the close frame would keep
   * the socket for `ws`'s own 30 s: it is terminated after `closeTimeoutMs` instead.
   */
  close(): void {
    if (this.socket.readyState === this.socket.CLOSED) return;
    this.socket.close(1000);
    const timer = setTimeout(() => {
      this.socket.terminate();
    }, this.closeTimeoutMs);
    timer.unref();
    this.socket.once("close", () => {
      clearTimeout(timer);
    });
  }
}
