/**
 * seq_no: https://core.telegram.org/mtproto/description#message-sequence-number-msg-seqno
 * Twice the number of content-related messages sent before, plus one if this one is content-related.
 */
export class SeqNoCounter {
  private contentRelatedSent = 0;

  next(contentRelated: boolean): number {
    if (!contentRelated) return this.contentRelatedSent * 2;
    const seq = this.contentRelatedSent * 2 + 1;
    this.contentRelatedSent++;
    return seq;
  }

  /** The number of content-related messages sent so far. */
  get count(): number {
    return this.contentRelatedSent;
  }

  /** A new session starts from zero (bad_msg 32/33 recovery and destroy/new session). */
  reset(): void {
    this.contentRelatedSent = 0;
  }
}
