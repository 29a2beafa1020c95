import type { ClientHandlerContext } from "../client-context.js";
import { encodeMsgsAck } from "../../core/service-bodies.js";
import type { MsgDetailedInfo, MsgNewDetailedInfo } from "../../tl/types.js";

/**
 * msg_detailed_info / msg_new_detailed_info: the server already has an answer (answerMsgId).
 * We acknowledge it, and if the answer never reached us, ask for it with msg_resend_req.
 * https://core.telegram.org/mtproto/service_messages_about_messages#extended-voluntary-communication-of-status-of-one-message
 */
export function handleMsgDetailedInfo(ctx: ClientHandlerContext, info: MsgDetailedInfo | MsgNewDetailedInfo): void {
  const { state } = ctx;
  if (info._ === "msg_detailed_info" && !state.outbox.isKnown(info.msgId)) return;
  if (state.replay.has(info.answerMsgId)) {
    // Already received: the ack was lost, so acknowledge again.
    ctx.sendService(encodeMsgsAck(state.codec, [info.answerMsgId]), false);
    return;
  }
  ctx.sendService(state.codec.encode({ _: "msg_resend_req", msgIds: [info.answerMsgId] }), true);
}
