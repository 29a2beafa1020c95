import type { ReceivedText } from "../peer.js";

/**
 * Waiters for incoming texts, kept by the peer rather than by the library's client: a peer that
 * restarts its client (mtcute's catch-up on start) keeps the waits registered before it went offline.
 */
export class TextWaiters {
  readonly #waiting = new Map<string, ((received: ReceivedText) => void)[]>();

  wait(text: string): Promise<ReceivedText> {
    return new Promise((resolve) => {
      const list = this.#waiting.get(text) ?? [];
      list.push(resolve);
      this.#waiting.set(text, list);
    });
  }

  deliver(received: ReceivedText): void {
    const list = this.#waiting.get(received.text);
    if (list === undefined) return;
    this.#waiting.delete(received.text);
    for (const resolve of list) resolve(received);
  }
}
