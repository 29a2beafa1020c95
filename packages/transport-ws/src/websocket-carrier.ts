import { TransportError } from "@mtkit/transport-tcp/codec";
import type { ByteCarrier, CarrierHandlers } from "@mtkit/transport-tcp/transport";
import { WS_OPEN, type WebSocketLike } from "./websocket-like.js";

/** Above this many buffered bytes, `write()` waits (WebSocket has no 'drain' event, so it polls). */
const HIGH_WATER_MARK = 1024 * 1024;
const DRAIN_POLL_MS = 5;

/**
 * A `ByteCarrier` over an open WebSocket: each write is one binary frame. Frames are just pieces of
 * one byte stream; MTProto framing does not follow their boundaries.
 * https://core.telegram.org/mtproto/transports#websocket
 */
export class WebSocketCarrier implements ByteCarrier {
  private readonly socket: WebSocketLike;
  private failed: Error | undefined;

  constructor(socket: WebSocketLike) {
    this.socket = socket;
  }

  start(handlers: CarrierHandlers): void {
    this.socket.onmessage = (event) => {
      const data = event.data;
      if (data instanceof ArrayBuffer) handlers.data(new Uint8Array(data));
      else if (ArrayBuffer.isView(data)) handlers.data(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else this.failed = new TransportError("CARRIER", "received a text WebSocket frame");
    };
    this.socket.onerror = () => {
      this.failed ??= new TransportError("CARRIER", "WebSocket error");
    };
    // Telegram always closes with 1000 and a decimal error code as the reason (ignorable).
    this.socket.onclose = (event) => {
      const error =
        this.failed ??
        (event.code === 1000 || event.code === 1005
          ? undefined
          : new TransportError("CARRIER", `WebSocket closed with ${event.code} ${event.reason}`, { code: event.code }));
      handlers.close(error);
    };
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.isOpen()) throw new TransportError("CLOSED", "WebSocket is not open");
    this.socket.send(bytes);
    while (this.socket.bufferedAmount > HIGH_WATER_MARK) {
      if (!this.isOpen()) throw new TransportError("CLOSED", "WebSocket closed while draining");
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
  }

  /** A method, not an inline check: readyState changes between awaits. */
  private isOpen(): boolean {
    return this.socket.readyState === WS_OPEN;
  }

  close(): void {
    this.socket.close(1000);
  }
}
