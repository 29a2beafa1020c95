import type { ClientHandlerContext } from "../client-context.js";
import type { MsgsAck } from "../../tl/types.js";

/**
 * msgs_ack from the server: it received these requests and will answer them, so after a
 * reconnect they need no resend. https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt
 */
export function handleMsgsAck(ctx: ClientHandlerContext, ack: MsgsAck): void {
  const requestIds: number[] = [];
  for (const id of ack.msgIds) {
    for (const message of ctx.state.outbox.resolve(id)) {
      message.acked = true;
      if (message.requestId !== undefined) requestIds.push(message.requestId);
    }
  }
  if (requestIds.length > 0) ctx.emit({ type: "acked", requestIds });
}
