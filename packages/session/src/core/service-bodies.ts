import type { SessionCodec } from "../tl/codec.js";
import { MAX_IDS_PER_ACK } from "./ack-queue.js";

/** msgs_ack for up to 8192 ids: https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt */
export function encodeMsgsAck(codec: SessionCodec, msgIds: readonly bigint[]): Uint8Array {
  return codec.encode({ _: "msgs_ack", msgIds: msgIds.slice(0, MAX_IDS_PER_ACK) });
}
