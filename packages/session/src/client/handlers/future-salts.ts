import type { ClientHandlerContext } from "../client-context.js";
import type { FutureSalts } from "../../tl/types.js";

/**
 * future_salts (answer to get_future_salts, matched by reqMsgId). Stored so the session switches
 * salts before the server complains. https://core.telegram.org/mtproto/service_messages#request-for-several-future-salts
 */
export function handleFutureSalts(ctx: ClientHandlerContext, answer: FutureSalts): void {
  const request = ctx.complete(answer.reqMsgId);
  if (request === undefined) return;
  ctx.finishInternal(request, answer);
}
