/**
 * Pending acknowledgements: https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt
 * Every content-related (odd seq_no) incoming message is acknowledged with msgs_ack; acks are
 * batched and piggy-backed on the next outgoing message, or sent alone once enough pile up.
 * Enough is 128: each msgs_ack sent alone is one encrypted packet and one write, and at 16 they cost a
 * receiver of a fast push stream ~10 % of its CPU (issue 10, live-updates bench); 128 stays far below
 * the pushes a server lets go unacknowledged (the test server's `limits.pushBacklog`, 1000), and the
 * driver's `ackDelayMs` timer still sends fewer after 500 ms.
 */
export const MAX_IDS_PER_ACK = 8192;

export class AckQueue {
  private readonly pending: bigint[] = [];

  constructor(readonly flushThreshold = 128) {}

  push(msgId: bigint): void {
    this.pending.push(msgId);
  }

  get size(): number {
    return this.pending.length;
  }

  /** True when acks should go out on their own instead of waiting for other traffic. */
  get shouldFlush(): boolean {
    return this.pending.length >= this.flushThreshold;
  }

  /** Takes up to 8192 ids (one msgs_ack's limit). */
  take(): bigint[] {
    return this.pending.splice(0, MAX_IDS_PER_ACK);
  }

  clear(): void {
    this.pending.length = 0;
  }
}
