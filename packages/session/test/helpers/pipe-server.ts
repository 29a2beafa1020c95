import { PipeTransportServer, type ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import type { ServerEvent } from "../../src/index.js";
import { Harness } from "./harness.js";

/**
 * The server role behind the in-memory pipe transport: what @mtkit/test-server does over TCP,
 * in twenty lines. `dropConnectionAfterRequest` closes the link right after a request arrives
 * (the answer is then lost with the connection).
 */
export class PipeServer {
  readonly pipe = new PipeTransportServer();
  readonly links: ServerConnectionLink[] = [];
  dropConnectionAfterRequest = false;

  constructor(readonly harness: Harness) {
    this.pipe.onConnection((link) => {
      this.links.push(link);
      const conn = harness.newConnection();
      link.subscribe((event) => {
        if (event.type !== "packet") return;
        let drop = false;
        for (const e of harness.deliverToServer(event.packet)) {
          this.onEvent(link, e);
          if (e.type === "request" && this.dropConnectionAfterRequest) drop = true;
        }
        if (drop) {
          this.dropConnectionAfterRequest = false;
          void link.close();
          return;
        }
        for (const packet of conn.flush()) void link.send(packet).catch(() => undefined);
      });
    });
  }

  private onEvent(link: ServerConnectionLink, e: ServerEvent): void {
    if (e.type === "send") void link.send(e.packet).catch(() => undefined);
    if (e.type === "auth-key-unknown") void link.sendStatus(-404).catch(() => undefined);
  }
}
