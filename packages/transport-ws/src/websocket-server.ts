import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerConnectionOptions } from "@mtkit/transport-tcp/codec";
import {
  CarrierServerConnection,
  type ServerConnectionLink,
  type TransportServer,
} from "@mtkit/transport-tcp/transport";
import { WebSocketServer, type WebSocket } from "ws";
import { WsServerCarrier } from "./server-carrier.js";

export interface WebSocketServerOptions extends ServerConnectionOptions {
  /** Attach to an existing HTTP(S) server (e.g. one that also serves pages); else listen on host/port. */
  readonly server?: HttpServer;
  readonly host?: string;
  readonly port?: number;
  /** Only upgrade requests for this path, e.g. "/apiws". Default: any path. */
  readonly path?: string;
  /** A peer that does not answer our close frame within this is terminated. Default 2000 ms. */
  readonly closeTimeoutMs?: number;
}

/** True when the upgrade request offers the `binary` subprotocol (Sec-WebSocket-Protocol is a list). */
function offersBinary(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.some((value) => value.split(",").some((protocol) => protocol.trim() === "binary"));
}

/**
 * The server side for the test server: accepts WebSocket connections (`binary` subprotocol) and
 * runs the same transport detection as TCP (obfuscation is what WebSocket clients send).
 */
export class WebSocketTransportServer implements TransportServer {
  private readonly wss: WebSocketServer;
  private readonly options: WebSocketServerOptions;
  private readonly handlers = new Set<(connection: ServerConnectionLink) => void>();

  private constructor(wss: WebSocketServer, options: WebSocketServerOptions) {
    this.wss = wss;
    this.options = options;
    wss.on("connection", (socket: WebSocket, request) => {
      const remote = `${request.socket.remoteAddress ?? "?"}:${request.socket.remotePort ?? 0}`;
      const connection = new CarrierServerConnection(
        new WsServerCarrier(socket, this.options.closeTimeoutMs),
        this.options,
        remote,
      );
      for (const handler of this.handlers) handler(connection);
    });
  }

  static async listen(options: WebSocketServerOptions = {}): Promise<WebSocketTransportServer> {
    const common = {
      ...(options.path === undefined ? {} : { path: options.path }),
      handleProtocols: (protocols: Set<string>) => (protocols.has("binary") ? "binary" : false),
      // MTProto over WebSocket is the `binary` subprotocol (https://core.telegram.org/mtproto/transports#websocket):
      // an upgrade without it is refused before a connection exists.
      verifyClient: (
        info: { req: IncomingMessage },
        done: (result: boolean, code?: number, message?: string) => void,
      ) => {
        if (offersBinary(info.req.headers["sec-websocket-protocol"])) done(true);
        else done(false, 400, "the binary subprotocol is required");
      },
      maxPayload: (options.maxPacketLength ?? 2 * 1024 * 1024) + 1024 * 1024,
    };
    const wss =
      options.server !== undefined
        ? new WebSocketServer({ ...common, server: options.server })
        : new WebSocketServer({ ...common, host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
    if (options.server === undefined) {
      await new Promise<void>((resolve, reject) => {
        wss.once("listening", resolve);
        wss.once("error", reject);
      });
    }
    return new WebSocketTransportServer(wss, options);
  }

  /** The port when listening on its own (undefined when attached to an HTTP server). */
  get port(): number | undefined {
    const address = this.options.server === undefined ? (this.wss.address() as AddressInfo | string) : undefined;
    return typeof address === "object" ? address.port : undefined;
  }

  onConnection(handler: (connection: ServerConnectionLink) => void): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => {
      this.wss.close(() => {
        resolve();
      });
    });
  }
}
