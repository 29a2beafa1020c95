import type { ClientHandlerContext } from "../client-context.js";
import type { MsgsStateReq } from "../../tl/types.js";

/**
 * msgs_state_req from the server about messages *it* sent to us: answer with msgs_state_info,
 * one status byte per id (4 = received, 1 = unknown). https://core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information
 */
export function handleMsgsStateReq(ctx: ClientHandlerContext, request: MsgsStateReq, requestMsgId: bigint): void {
  const info = new Uint8Array(request.msgIds.length);
  request.msgIds.forEach((id, i) => {
    info[i] = ctx.state.replay.has(id) ? 4 : 1;
  });
  ctx.sendService(ctx.state.codec.encode({ _: "msgs_state_info", reqMsgId: requestMsgId, info }), false);
}
