import { RpcError } from "../../errors.js";
import type { ClientHandlerContext } from "../client-context.js";
import { RPC_ERROR_ID } from "../../core/ids.js";
import { splitRpcResult } from "../../core/rpc-result.js";
import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { RpcErrorObject } from "../../tl/types.js";

/**
 * rpc_result: match reqMsgId with a request we really sent, decode with its method, report.
 * https://core.telegram.org/mtproto/service_messages#response-to-an-rpc-query
 */
export function handleRpcResult(ctx: ClientHandlerContext, body: Uint8Array): void {
  const { reqMsgId, result } = splitRpcResult(body, ctx.state.codec);
  const request = ctx.complete(reqMsgId);
  // An answer to something we did not send (or already answered) is ignored, not trusted.
  if (request?.requestId === undefined) return;
  const { requestId } = request;

  if (result.length >= 4 && readUint32LE(result, 0) === RPC_ERROR_ID) {
    let error: RpcError;
    try {
      const decoded = ctx.state.codec.decode(result) as RpcErrorObject;
      error = new RpcError(decoded.errorCode, decoded.errorMessage);
    } catch (cause) {
      ctx.emit({ type: "result-undecodable", requestId, cause });
      return;
    }
    if (!ctx.finishInternal(request, error)) ctx.emit({ type: "rpc-error", requestId, error });
    return;
  }

  let decoded: unknown;
  try {
    decoded = ctx.state.codec.decodeResult(request.method, result);
  } catch (cause) {
    ctx.emit({ type: "result-undecodable", requestId, cause });
    return;
  }
  if (!ctx.finishInternal(request, decoded)) ctx.emit({ type: "result", requestId, result: decoded });
}
