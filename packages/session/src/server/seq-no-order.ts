/**
 * The order check behind bad_msg_notification 32 ("msg_seqno too low") and 33 ("msg_seqno too
 * high"): a client's seq_no must not decrease as its msg_id grows, and two messages may share a
 * seq_no only when it is even (not content-related).
 * https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message
 *
 * Only the accepted message with the highest msg_id is kept (constant memory per session). That
 * finds every violation against the newest message, never a false one: each answer below is
 * exactly the spec's condition with that message as the witness.
 */
export class SeqNoOrder {
  private highestMsgId: bigint | undefined;
  private seqNoAtHighest = 0;

  /** 32 or 33 when `seqNo` contradicts the newest accepted message, undefined when it fits. */
  check(msgId: bigint, seqNo: number): 32 | 33 | undefined {
    if (this.highestMsgId === undefined || msgId === this.highestMsgId) return undefined;
    const known = this.seqNoAtHighest;
    const sameOdd = seqNo === known && seqNo % 2 === 1;
    // "too low": a message with a lower msg_id has a higher, or an equal odd, seq_no.
    if (msgId > this.highestMsgId) return seqNo < known || sameOdd ? 32 : undefined;
    // "too high": a message with a higher msg_id has a lower, or an equal odd, seq_no.
    return seqNo > known || sameOdd ? 33 : undefined;
  }

  /** Remembers an accepted message. */
  record(msgId: bigint, seqNo: number): void {
    if (this.highestMsgId !== undefined && msgId <= this.highestMsgId) return;
    this.highestMsgId = msgId;
    this.seqNoAtHighest = seqNo;
  }
}
