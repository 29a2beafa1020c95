import type { TransportEvent, TransportListener } from "./types.js";

/** Fan-out of transport events that buffers them until the first listener subscribes. */
export class EventHub {
  private readonly listeners = new Set<TransportListener>();
  private backlog: TransportEvent[] = [];

  subscribe(listener: TransportListener): () => void {
    this.listeners.add(listener);
    if (this.backlog.length > 0) {
      const pending = this.backlog;
      this.backlog = [];
      for (const event of pending) listener(event);
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: TransportEvent): void {
    if (this.listeners.size === 0) {
      this.backlog.push(event);
      return;
    }
    for (const listener of [...this.listeners]) listener(event);
  }
}
