import type { RawPingDelayDisconnectRequest, RawPingRequest } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/**
 * ping / ping_delay_disconnect -> pong keyed by the ping's msg_id; the latter also arms the
 * disconnect timer. https://core.telegram.org/mtproto/service_messages#ping-messages-pingpong
 */
export function servePing(
  ctx: ServerHandlerContext,
  ping: RawPingRequest | RawPingDelayDisconnectRequest,
  msgId: bigint,
): void {
  ctx.session.queueService({ _: "pong", msgId, pingId: ping.pingId }, true, true);
  if (ping._ === "ping_delay_disconnect") ctx.emit({ type: "disconnect-delay", seconds: ping.disconnectDelay });
}
