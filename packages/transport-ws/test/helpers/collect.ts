import type { PacketLink, TransportEvent } from "@mtkit/transport-tcp/transport";

/** Collects a link's events and lets a test wait for a condition on them. */
export class EventCollector {
  readonly events: TransportEvent[] = [];

  constructor(link: PacketLink) {
    link.subscribe((event) => this.events.push(event));
  }

  packets(): Uint8Array[] {
    return this.events.flatMap((e) => (e.type === "packet" ? [e.packet] : []));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; events: ${this.events.map((e) => e.type).join(",")}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
