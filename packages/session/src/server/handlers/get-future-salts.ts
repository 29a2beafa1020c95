import type { RawGetFutureSaltsRequest } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/** get_future_salts -> future_salts (1..64 salts, req_msg_id echoed): https://core.telegram.org/mtproto/service_messages#request-for-several-future-salts */
export function serveGetFutureSalts(ctx: ServerHandlerContext, request: RawGetFutureSaltsRequest, msgId: bigint): void {
  const now = ctx.session.nowSeconds();
  const salts = ctx.session.salts.future(now, request.num).map((s) => ({ _: "future_salt" as const, ...s }));
  ctx.session.queueService({ _: "future_salts", reqMsgId: msgId, now, salts }, true, true);
}
