import type { RawMsgsAck } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/** msgs_ack from the client: answers it acknowledged leave the resend cache. */
export function serveMsgsAck(ctx: ServerHandlerContext, ack: RawMsgsAck): void {
  ctx.session.acknowledge(ack.msgIds);
}
