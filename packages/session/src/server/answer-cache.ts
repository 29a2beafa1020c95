/** How many answers one server session keeps for resends; both bounds apply. */
export interface AnswerCacheLimits {
  /** Cached rpc_result bodies per session. Default 1024. */
  readonly maxAnswers?: number;
  /** Their total size in bytes per session (the newest answer is always kept). Default 8 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_CACHED_ANSWERS = 1024;
export const DEFAULT_MAX_CACHED_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * The answers a server session sent and the client has not acknowledged yet, so a resent request
 * (same msg_id, https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt)
 * or a msg_resend_req is answered from here instead of running twice. A client that never sends
 * msgs_ack must not grow it without limit: past either bound the oldest answers go.
 */
export class AnswerCache {
  /** req_msg_id -> the rpc_result body, oldest first. */
  private readonly answers = new Map<bigint, Uint8Array>();
  /** msg_id an answer went out under -> its req_msg_id (acks and msg_resend_req name our ids). */
  private readonly sentIds = new Map<bigint, bigint>();
  private totalBytes = 0;
  private readonly maxAnswers: number;
  private readonly maxBytes: number;

  constructor(limits: AnswerCacheLimits = {}) {
    this.maxAnswers = limits.maxAnswers ?? DEFAULT_MAX_CACHED_ANSWERS;
    this.maxBytes = limits.maxBytes ?? DEFAULT_MAX_CACHED_ANSWER_BYTES;
  }

  get size(): number {
    return this.answers.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(reqMsgId: bigint): Uint8Array | undefined {
    return this.answers.get(reqMsgId);
  }

  has(reqMsgId: bigint): boolean {
    return this.answers.has(reqMsgId);
  }

  set(reqMsgId: bigint, body: Uint8Array): void {
    this.drop(reqMsgId);
    this.answers.set(reqMsgId, body);
    this.totalBytes += body.length;
    while (this.answers.size > this.maxAnswers || (this.totalBytes > this.maxBytes && this.answers.size > 1)) {
      const oldest = this.answers.keys().next();
      if (oldest.done === true) break;
      this.drop(oldest.value);
    }
  }

  /** Forgets one answer; returns its size if there was one. */
  drop(reqMsgId: bigint): number | undefined {
    const body = this.answers.get(reqMsgId);
    if (body === undefined) return undefined;
    this.answers.delete(reqMsgId);
    this.totalBytes -= body.length;
    return body.length;
  }

  /** The answer to `reqMsgId` went out as message `answerMsgId`. */
  recordSent(answerMsgId: bigint, reqMsgId: bigint): void {
    this.sentIds.set(answerMsgId, reqMsgId);
    // Ids of answers no longer cached are useless; keep at most one per cached answer.
    while (this.sentIds.size > this.maxAnswers) {
      const oldest = this.sentIds.keys().next();
      if (oldest.done === true) break;
      this.sentIds.delete(oldest.value);
    }
  }

  /** The request an answer message of ours answered. */
  requestOf(answerMsgId: bigint): bigint | undefined {
    return this.sentIds.get(answerMsgId);
  }

  /** The client acknowledged these of our messages: their answers can go. */
  acknowledge(msgIds: readonly bigint[]): void {
    for (const id of msgIds) {
      const req = this.sentIds.get(id);
      if (req === undefined) continue;
      this.sentIds.delete(id);
      this.drop(req);
    }
  }

  clear(): void {
    this.answers.clear();
    this.sentIds.clear();
    this.totalBytes = 0;
  }
}
