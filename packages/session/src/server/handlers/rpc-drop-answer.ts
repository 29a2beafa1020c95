import type { RawRpcDropAnswerRequest } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/**
 * rpc_drop_answer -> rpc_answer_unknown / rpc_answer_dropped_running / rpc_answer_dropped, as an
 * rpc_result to the drop request. https://core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query
 */
export function serveRpcDropAnswer(ctx: ServerHandlerContext, request: RawRpcDropAnswerRequest, msgId: bigint): void {
  const { session } = ctx;
  const target = request.reqMsgId;
  session.running.add(msgId);
  if (session.running.delete(target)) {
    ctx.emit({ type: "request-dropped", session, reqMsgId: target });
    session.sendResult(msgId, { _: "rpc_answer_dropped_running" });
    return;
  }
  const bytes = session.dropAnswer(target);
  if (bytes !== undefined) {
    session.sendResult(msgId, { _: "rpc_answer_dropped", msgId: target, seqNo: 0, bytes });
    return;
  }
  session.sendResult(msgId, { _: "rpc_answer_unknown" });
}
