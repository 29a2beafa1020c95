import type { RawMsgResendReq } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/**
 * msg_resend_req from the client names messages *we* sent: resend the answers we still hold
 * (request ids are accepted too). Ids we do not know are answered like a state request.
 * https://core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages
 */
export function serveMsgResendReq(ctx: ServerHandlerContext, request: RawMsgResendReq, msgId: bigint): void {
  const unknown = request.msgIds.filter((id) => !ctx.session.resendByAnswerId(id) && !ctx.session.resendAnswer(id));
  if (unknown.length === 0) return;
  const info = new Uint8Array(unknown.length).fill(1);
  ctx.session.queueService({ _: "msgs_state_info", reqMsgId: msgId, info }, false, true);
}
