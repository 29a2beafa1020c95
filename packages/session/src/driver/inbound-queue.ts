/**
 * Received packets are handled one after another in arrival order. A step runs at once while no
 * earlier one is waiting; a step that returns a promise (a message being inflated asynchronously,
 * see core/expand-gzip.ts) makes every later packet wait behind it, so updates and answers are
 * never reordered.
 */
export class InboundQueue {
  private tail: Promise<void> | undefined;

  constructor(private readonly onError: (error: unknown) => void) {}

  run(step: () => Promise<void> | undefined): void {
    if (this.tail !== undefined) {
      this.track(this.tail.then(step));
      return;
    }
    let pending: Promise<void> | undefined;
    try {
      pending = step();
    } catch (error) {
      this.onError(error);
      return;
    }
    if (pending !== undefined) this.track(pending);
  }

  private track(promise: Promise<void>): void {
    const tail: Promise<void> = promise.catch(this.onError).finally(() => {
      if (this.tail === tail) this.tail = undefined;
    });
    this.tail = tail;
  }
}
