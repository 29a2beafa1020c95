import type { PacketLink, TransportEvent } from "../../src/transport/types.js";

/** Collects events of a link and lets a test await the n-th one of a kind. */
export class EventCollector {
  readonly events: TransportEvent[] = [];
  private waiters: (() => void)[] = [];

  constructor(link: PacketLink) {
    link.subscribe((event) => {
      this.events.push(event);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    });
  }

  packets(): Uint8Array[] {
    return this.events.flatMap((e) => (e.type === "packet" ? [e.packet] : []));
  }

  async waitFor(predicate: (events: TransportEvent[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting; got ${this.events.map((e) => e.type).join(",")}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  waitForPackets(n: number): Promise<void> {
    return this.waitFor(() => this.packets().length >= n);
  }

  waitForClose(): Promise<void> {
    return this.waitFor((events) => events.some((e) => e.type === "close"));
  }
}
