import {
  createTcpTransport,
  TcpTransportServer,
  type ServerConnectionLink,
  type Transport,
} from "@mtkit/transport-tcp";
import type { ServerConnection, ServerSession } from "../../src/index.js";
import { crypto } from "./env.js";
import type { Harness } from "./harness.js";

/**
 * The server role over real TCP (`@mtkit/transport-tcp`'s listener), for driver tests that need
 * real sockets. It can make connections go silent like a dead NAT entry: a silent connection still
 * reads and runs everything it receives, but nothing it would send ever leaves, and it stays open.
 */
export class TcpSessionServer {
  readonly links: ServerConnectionLink[] = [];
  /** When set, the connection that carries the next request goes silent (the request runs, its answer is lost). */
  silenceOnNextRequest = false;
  /** Packets read by silent connections. */
  unansweredPackets = 0;
  private readonly silent = new Set<ServerConnectionLink>();
  private readonly linkOf = new Map<ServerConnection, ServerConnectionLink>();

  private constructor(
    readonly harness: Harness,
    private readonly tcp: TcpTransportServer,
  ) {
    tcp.onConnection((link) => {
      this.accept(link);
    });
  }

  static async start(harness: Harness): Promise<TcpSessionServer> {
    return new TcpSessionServer(harness, await TcpTransportServer.listen({ crypto }));
  }

  get address(): { dcId: number; host: string; port: number } {
    return { dcId: 2, host: "127.0.0.1", port: this.tcp.port };
  }

  transport(): Transport {
    return createTcpTransport({ crypto, protocol: "intermediate" });
  }

  /** Every connection open now goes silent; later ones behave. */
  silenceOpenConnections(): void {
    for (const link of this.links) if (!link.closed) this.silent.add(link);
  }

  /** Sends what `session` queued (an answer given later) through the connection it is attached to. */
  deliver(session: ServerSession): void {
    const conn = session.attachedTo;
    const link = conn === undefined ? undefined : this.linkOf.get(conn);
    if (conn === undefined || link === undefined) return; // kept for the client's next connection
    this.send(link, conn.flush());
  }

  close(): Promise<void> {
    return this.tcp.close();
  }

  private accept(link: ServerConnectionLink): void {
    this.links.push(link);
    const conn = this.harness.newConnection();
    this.linkOf.set(conn, link);
    link.subscribe((event) => {
      if (event.type === "close") {
        conn.detach();
        this.linkOf.delete(conn);
        return;
      }
      if (event.type !== "packet") return;
      if (this.silent.has(link)) this.unansweredPackets++;
      const out: Uint8Array[] = [];
      for (const e of conn.receive(event.packet)) {
        this.harness.serverEvents.push(e);
        if (e.type === "send") out.push(e.packet);
        if (e.type === "auth-key-unknown" && !this.silent.has(link)) void link.sendStatus(-404).catch(() => undefined);
        if (e.type !== "request") continue;
        if (this.silenceOnNextRequest) {
          this.silenceOnNextRequest = false;
          this.silent.add(link);
        }
        this.harness.executed.push(e.request._);
        this.harness.handler(e.request, e.session, e.reqMsgId);
      }
      this.send(link, [...out, ...conn.flush()]);
    });
  }

  private send(link: ServerConnectionLink, packets: readonly Uint8Array[]): void {
    if (this.silent.has(link)) return; // lost on the way, as through a dead NAT entry
    for (const packet of packets) void link.send(packet).catch(() => undefined);
  }
}
