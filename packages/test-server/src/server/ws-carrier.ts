// TODO(move to transport-ws): a server-side ByteCarrier over a `ws` socket; transport-ws has no
// server adapter yet.
import type { ByteCarrier, CarrierHandlers } from "@mtkit/transport-tcp/transport";
import type { RawData, WebSocket } from "ws";

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * WebSocket frames carry one byte stream of obfuscated MTProto framing, independent of frame
 * boundaries (https://core.telegram.org/mtproto/transports#websocket); close code is always 1000.
 */
export class WebSocketCarrier implements ByteCarrier {
  constructor(private readonly socket: WebSocket) {}

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      // `ws` calls back with null (not undefined) on success, despite its typings.
      this.socket.send(bytes, { binary: true }, (error?: Error | null) => {
        if (error instanceof Error) reject(error);
        else resolve();
      });
    });
  }

  close(): void {
    this.socket.close(1000);
  }

  start(handlers: CarrierHandlers): void {
    this.socket.on("message", (data: RawData) => {
      handlers.data(toBytes(data));
    });
    this.socket.once("close", () => {
      handlers.close();
    });
    this.socket.on("error", (error: Error) => {
      handlers.close(error);
    });
  }
}
