import type { ClientHandlerContext } from "../client-context.js";
import type { MsgsAllInfo, MsgsStateInfo } from "../../tl/types.js";

/**
 * msgs_state_info (answer to our msgs_state_req, reqMsgId = that request) and msgs_all_info
 * (sent on the server's initiative). Status bytes: 1 unknown, 2 not received, 3 not received
 * (id too low), 4 received; +8 acked, +16 no ack needed, +32 rpc being processed, +64 answered, +128 answer sent.
 * https://core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information
 */
export function handleMsgsStateInfo(ctx: ClientHandlerContext, info: MsgsStateInfo | MsgsAllInfo): void {
  if (info._ === "msgs_all_info") {
    ctx.emit({ type: "msgs-state", msgIds: info.msgIds, info: info.info });
    resendNotReceived(ctx, info.msgIds, info.info);
    return;
  }
  const request = ctx.complete(info.reqMsgId);
  if (request === undefined) return;
  ctx.finishInternal(request, info);
}

/** Requests the server says it never received (status 2 or 3) are resent under new ids. */
export function resendNotReceived(ctx: ClientHandlerContext, msgIds: readonly bigint[], info: Uint8Array): void {
  const lost = [];
  for (let i = 0; i < msgIds.length && i < info.length; i++) {
    const status = info[i]! & 7;
    if (status !== 2 && status !== 3) continue;
    const message = ctx.state.outbox.get(msgIds[i]!);
    if (message !== undefined) lost.push(message);
  }
  if (lost.length > 0) ctx.resend(lost);
}
