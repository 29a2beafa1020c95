import type { ClientHandlerContext } from "../client-context.js";
import type { Pong } from "../../tl/types.js";

/** pong (answer to ping / ping_delay_disconnect), keyed by the ping's msg_id: https://core.telegram.org/mtproto/service_messages#ping-messages-pingpong */
export function handlePong(ctx: ClientHandlerContext, pong: Pong): void {
  const request = ctx.complete(pong.msgId);
  if (request === undefined) return;
  if (!ctx.finishInternal(request, pong)) ctx.emit({ type: "pong", pingId: pong.pingId, msgId: pong.msgId });
}
