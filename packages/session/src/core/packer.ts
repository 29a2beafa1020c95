import {
  CONTAINER_HEADER_LENGTH,
  CONTAINER_ITEM_OVERHEAD,
  encodeContainer,
  MAX_CONTAINER_BYTES,
  MAX_CONTAINER_MESSAGES,
} from "./container.js";
import type { MsgIdClock } from "./msg-id-clock.js";
import type { OutgoingMessage } from "./outbox.js";
import type { SeqNoCounter } from "./seq-no.js";

/**
 * Turns queued messages into top-level messages: several go into one msg_container (at most 1024
 * messages, under ~1 MiB, no nesting) whose msg_id is greater than every id inside it,
 * https://core.telegram.org/mtproto/service_messages#simple-container
 */
export interface TopLevelMessage {
  readonly msgId: bigint;
  readonly seqNo: number;
  readonly body: Uint8Array;
  /** The messages it carries (itself alone, or a container's contents). */
  readonly items: readonly OutgoingMessage[];
  readonly isContainer: boolean;
}

function stamp(message: OutgoingMessage, clock: MsgIdClock, seq: SeqNoCounter): void {
  if (message.msgId !== undefined) return; // resent after reconnect: same id and seq_no
  message.msgId = clock.next(message.isResponse ? "response" : "other");
  message.seqNo = seq.next(message.contentRelated);
  if (message.rebuild !== undefined) message.body = message.rebuild(message.msgId);
}

function single(message: OutgoingMessage, clock: MsgIdClock, seq: SeqNoCounter): TopLevelMessage {
  stamp(message, clock, seq);
  return { msgId: message.msgId!, seqNo: message.seqNo, body: message.body, items: [message], isContainer: false };
}

/** Packs `messages` (in order) into as few top-level messages as the limits allow. */
export function packMessages(
  messages: readonly OutgoingMessage[],
  clock: MsgIdClock,
  seq: SeqNoCounter,
): TopLevelMessage[] {
  const out: TopLevelMessage[] = [];
  let batch: OutgoingMessage[] = [];
  let batchBytes = CONTAINER_HEADER_LENGTH;

  const closeBatch = (): void => {
    if (batch.length === 1) out.push(single(batch[0]!, clock, seq));
    else if (batch.length > 1) {
      for (const m of batch) stamp(m, clock, seq);
      const msgId = clock.next();
      const body = encodeContainer(batch.map((m) => ({ msgId: m.msgId!, seqNo: m.seqNo, body: m.body })));
      for (const m of batch) m.containerId = msgId;
      out.push({ msgId, seqNo: seq.next(false), body, items: batch, isContainer: true });
    }
    batch = [];
    batchBytes = CONTAINER_HEADER_LENGTH;
  };

  for (const message of messages) {
    const size = CONTAINER_ITEM_OVERHEAD + message.body.length;
    if (!message.containable || size + CONTAINER_HEADER_LENGTH > MAX_CONTAINER_BYTES) {
      closeBatch();
      out.push(single(message, clock, seq));
      continue;
    }
    if (batch.length >= MAX_CONTAINER_MESSAGES || batchBytes + size > MAX_CONTAINER_BYTES) closeBatch();
    batch.push(message);
    batchBytes += size;
  }
  closeBatch();
  return out;
}
