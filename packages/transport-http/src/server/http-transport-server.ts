import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FrameBufferBudget } from "@mtkit/transport-tcp/codec";
import type { ServerConnectionLink, TransportServer } from "@mtkit/transport-tcp/transport";
import { HttpServerLink, type HttpLinkLimits } from "./http-server-link.js";
import { readRequestBody } from "./read-request-body.js";
import type { Responder } from "./responder.js";
import { routeKeyOf } from "./route-key.js";

export interface HttpServerOptions extends Partial<HttpLinkLimits> {
  readonly host?: string;
  /** Default 0: any free port (read `port` after `listen`). */
  readonly port?: number;
  /** The endpoint path. Default "/api" (https://core.telegram.org/mtproto/transports#http). */
  readonly path?: string;
  /** Longest request body. Default 2 MiB + 1 KiB (the TCP framings' packet limit). */
  readonly maxBodyBytes?: number;
  /** Bytes all bodies still being read may hold together (shared with the other listeners if given). */
  readonly frameBufferBudget?: FrameBufferBudget;
  /** Open sockets at most; more are refused by node:http. Default 4096. */
  readonly maxSockets?: number;
  /** The whole request (headers and body) must arrive within this (slow bodies get 408). Default 10 s. */
  readonly requestTimeoutMs?: number;
}

/**
 * The server role of the HTTP transport, on `node:http`: POST `/api` bodies are packets, routed to a
 * virtual connection per auth key (or key exchange), handed out as `ServerConnectionLink`s like the TCP
 * and WebSocket listeners' connections. Limits: a socket cap, a deadline for the whole request, a body
 * cap checked before reading, a shared budget for bodies in flight, one held poll per link, idle links closed.
 */
export class HttpTransportServer implements TransportServer {
  private readonly handlers = new Set<(connection: ServerConnectionLink) => void>();
  private readonly links = new Map<string, HttpServerLink>();
  private readonly limits: HttpLinkLimits;

  private constructor(
    private readonly server: Server,
    private readonly options: HttpServerOptions,
  ) {
    this.limits = {
      maxPollMs: options.maxPollMs ?? 30_000,
      maxQueuedPackets: options.maxQueuedPackets ?? 64,
      idleMs: options.idleMs ?? 60_000,
    };
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      void this.serve(request, response);
    });
  }

  static async listen(options: HttpServerOptions = {}): Promise<HttpTransportServer> {
    const requestTimeout = options.requestTimeoutMs ?? 10_000;
    const server = createServer({
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 10_000),
      // node checks both deadlines on this interval (30 s by default): it bounds how late they bite.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))),
      maxHeaderSize: 8 * 1024,
    });
    server.maxConnections = options.maxSockets ?? 4096;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    return new HttpTransportServer(server, options);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Virtual connections open now. */
  get linkCount(): number {
    return this.links.size;
  }

  onConnection(handler: (connection: ServerConnectionLink) => void): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.links.values()].map((link) => link.close()));
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
    this.server.closeAllConnections();
    await closed;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "").split("?")[0];
    if (path !== (this.options.path ?? "/api")) {
      finish(response, 404);
      return;
    }
    if (request.method !== "POST") {
      response.setHeader("Allow", "POST");
      finish(response, 405);
      return;
    }
    const result = await readRequestBody(
      request,
      this.options.maxBodyBytes ?? 2 * 1024 * 1024 + 1024,
      this.options.frameBufferBudget,
    );
    if (!result.ok) {
      finish(response, result.httpStatus, true);
      return;
    }
    const key = routeKeyOf(result.body);
    if (key === undefined) {
      finish(response, 404); // not an MTProto packet: -404 over HTTP
      return;
    }
    const responder = nodeResponder(response);
    this.linkFor(key, request).receive(result.body, responder);
  }

  private linkFor(key: string, request: IncomingMessage): HttpServerLink {
    const existing = this.links.get(key);
    if (existing !== undefined && !existing.closed) return existing;
    const remote = `${request.socket.remoteAddress ?? "?"}:${request.socket.remotePort ?? 0}`;
    const link = new HttpServerLink(remote, this.limits, () => {
      if (this.links.get(key) === link) this.links.delete(key);
    });
    this.links.set(key, link);
    for (const handler of this.handlers) handler(link);
    return link;
  }
}

function finish(response: ServerResponse, status: number, closeSocket = false): void {
  if (closeSocket) response.setHeader("Connection", "close");
  response.writeHead(status, { "Content-Length": "0" });
  response.end();
}

function nodeResponder(response: ServerResponse): Responder {
  return {
    get open() {
      return !response.headersSent && !response.destroyed && !response.socket?.destroyed;
    },
    answer(body) {
      if (response.headersSent || response.destroyed) return;
      response.writeHead(200, {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(body.length),
        // Browsers may call the endpoint from any page, as Telegram's does.
        "Access-Control-Allow-Origin": "*",
      });
      response.end(body);
    },
    fail(httpStatus) {
      if (response.headersSent || response.destroyed) return;
      response.setHeader("Access-Control-Allow-Origin", "*");
      finish(response, httpStatus);
    },
  };
}
