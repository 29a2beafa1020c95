import { CarrierServerConnection, type ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import type { ServerConnectionOptions } from "@mtkit/transport-tcp/codec";
import { WebSocketServer } from "ws";
import { WebSocketCarrier } from "./ws-carrier.js";

/** A WebSocket listener (any path, e.g. /apiws) handing out the same connections as TCP. */
export class WsListener {
  private constructor(private readonly server: WebSocketServer) {}

  static async listen(
    host: string,
    port: number,
    options: ServerConnectionOptions,
    onConnection: (connection: ServerConnectionLink) => void,
  ): Promise<WsListener> {
    const server = new WebSocketServer({
      host,
      port,
      // Telegram's WebSocket endpoints speak the "binary" subprotocol (https://core.telegram.org/mtproto/transports#websocket).
      handleProtocols: (protocols) => (protocols.has("binary") ? "binary" : false),
    });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    server.on("connection", (socket, request) => {
      const remote = `${request.socket.remoteAddress ?? "?"}:${request.socket.remotePort ?? 0}`;
      onConnection(new CarrierServerConnection(new WebSocketCarrier(socket), options, remote));
    });
    return new WsListener(server);
  }

  get port(): number {
    const address = this.server.address();
    return address === null || typeof address === "string" ? 0 : address.port;
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
