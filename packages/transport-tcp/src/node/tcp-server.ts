import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import type { ServerConnectionOptions } from "../codec/server-connection.js";
import { CarrierServerConnection } from "../transport/server-link.js";
import type { ServerConnectionLink, TransportServer } from "../transport/types.js";
import { SocketCarrier } from "./socket-carrier.js";
import { applySocketTuning, type SocketTuning } from "./socket-options.js";

export interface TcpServerOptions extends ServerConnectionOptions, SocketTuning {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (any free port; read `port` after `listen`). */
  readonly port?: number;
}

/**
 * A TCP listener that detects each connection's transport (abridged, intermediate, padded, full,
 * obfuscated, MTProxy secrets, fake-TLS) and hands out packet connections.
 */
export class TcpTransportServer implements TransportServer {
  private readonly server: Server;
  private readonly options: TcpServerOptions;
  private readonly handlers = new Set<(connection: ServerConnectionLink) => void>();
  private readonly sockets = new Set<Socket>();

  private constructor(options: TcpServerOptions) {
    this.options = options;
    this.server = createServer((socket) => {
      this.accept(socket);
    });
  }

  static async listen(options: TcpServerOptions = {}): Promise<TcpTransportServer> {
    const instance = new TcpTransportServer(options);
    await new Promise<void>((resolve, reject) => {
      instance.server.once("error", reject);
      instance.server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
        instance.server.off("error", reject);
        resolve();
      });
    });
    return instance;
  }

  get host(): string {
    return (this.server.address() as AddressInfo).address;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  onConnection(handler: (connection: ServerConnectionLink) => void): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /** Stops listening and closes every open connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => {
      this.sockets.delete(socket);
    });
    applySocketTuning(socket, this.options);
    const remote = `${socket.remoteAddress ?? "?"}:${socket.remotePort ?? 0}`;
    const connection = new CarrierServerConnection(new SocketCarrier(socket), this.options, remote);
    for (const handler of this.handlers) handler(connection);
  }
}
