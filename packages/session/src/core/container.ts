import { MessageRejectedError } from "../errors.js";
import { readInt32LE, readInt64LE, readUint32LE, writeInt32LE, writeInt64LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * msg_container#73f1f8dc messages:vector<message> (parsed by hand, like every implementation):
 * https://core.telegram.org/mtproto/service_messages#simple-container
 * message = msg_id:long seqno:int bytes:int body:Object. No nesting; at most 1024 messages.
 */
export const MSG_CONTAINER_ID = 0x73f1f8dc;
export const MAX_CONTAINER_MESSAGES = 1024;
/** Stay well under the 1 MiB packet limit once the envelope and padding are added. */
export const MAX_CONTAINER_BYTES = 1_044_448;
/** Bytes one message adds to a container besides its body. */
export const CONTAINER_ITEM_OVERHEAD = 16;
export const CONTAINER_HEADER_LENGTH = 8;

export interface ContainerItem {
  readonly msgId: bigint;
  readonly seqNo: number;
  readonly body: Uint8Array;
}

export function encodeContainer(items: readonly ContainerItem[]): Uint8Array {
  let size = CONTAINER_HEADER_LENGTH;
  for (const item of items) size += CONTAINER_ITEM_OVERHEAD + item.body.length;
  const out = new Uint8Array(size);
  writeInt32LE(out, 0, MSG_CONTAINER_ID);
  writeInt32LE(out, 4, items.length);
  let offset = CONTAINER_HEADER_LENGTH;
  for (const item of items) {
    writeInt64LE(out, offset, item.msgId);
    writeInt32LE(out, offset + 8, item.seqNo);
    writeInt32LE(out, offset + 12, item.body.length);
    out.set(item.body, offset + CONTAINER_ITEM_OVERHEAD);
    offset += CONTAINER_ITEM_OVERHEAD + item.body.length;
  }
  return out;
}

/** Decodes a container body (starting at its constructor id) with every length bounded. */
export function decodeContainer(body: Uint8Array): ContainerItem[] {
  if (body.length < CONTAINER_HEADER_LENGTH || readUint32LE(body, 0) !== MSG_CONTAINER_ID) {
    throw new MessageRejectedError("MALFORMED_BODY", "not a msg_container");
  }
  const count = readInt32LE(body, 4);
  if (count < 0 || count > MAX_CONTAINER_MESSAGES) {
    throw new MessageRejectedError("MALFORMED_BODY", `container holds ${count} messages`);
  }
  const items: ContainerItem[] = [];
  let offset = CONTAINER_HEADER_LENGTH;
  for (let i = 0; i < count; i++) {
    if (offset + CONTAINER_ITEM_OVERHEAD > body.length) {
      throw new MessageRejectedError("MALFORMED_BODY", "container item header runs past the end");
    }
    const msgId = readInt64LE(body, offset);
    const seqNo = readInt32LE(body, offset + 8);
    const length = readInt32LE(body, offset + 12);
    const start = offset + CONTAINER_ITEM_OVERHEAD;
    if (length < 4 || length % 4 !== 0 || start + length > body.length) {
      throw new MessageRejectedError("MALFORMED_BODY", `container item length ${length} is invalid`, msgId);
    }
    const inner = body.subarray(start, start + length);
    if (readUint32LE(inner, 0) === MSG_CONTAINER_ID) {
      throw new MessageRejectedError("MALFORMED_BODY", "nested msg_container", msgId);
    }
    items.push({ msgId, seqNo, body: inner });
    offset = start + length;
  }
  return items;
}
