import type { ClientHandlerContext } from "../client-context.js";
import type { MsgResendReq } from "../../tl/types.js";

/**
 * msg_resend_req from the server: resend the requests it names (under new ids, as the spec allows)
 * if we still hold them. https://core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages
 */
export function handleMsgResendReq(ctx: ClientHandlerContext, request: MsgResendReq): void {
  const found = [];
  for (const id of request.msgIds) {
    const m = ctx.state.outbox.get(id);
    if (m !== undefined) found.push(m);
  }
  if (found.length > 0) ctx.resend(found);
}
