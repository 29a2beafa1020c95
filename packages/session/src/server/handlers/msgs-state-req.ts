import type { RawMsgsStateReq } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/**
 * msgs_state_req -> msgs_state_info, one status byte per asked id: 1 unknown, 4 received; +32
 * request being processed, +64 answered (answer still held).
 * https://core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information
 */
export function serveMsgsStateReq(ctx: ServerHandlerContext, request: RawMsgsStateReq, msgId: bigint): void {
  const { session } = ctx;
  const info = new Uint8Array(request.msgIds.length);
  request.msgIds.forEach((id, i) => {
    if (!session.state.replay.has(id)) info[i] = 1;
    else if (session.running.has(id)) info[i] = 4 | 32;
    else if (session.hasAnswer(id)) info[i] = 4 | 64;
    else info[i] = 4;
  });
  session.queueService({ _: "msgs_state_info", reqMsgId: msgId, info }, false, true);
}
