import type { RawDestroySessionRequest } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/**
 * destroy_session -> destroy_session_ok / destroy_session_none for another session of the same
 * key. https://core.telegram.org/mtproto/service_messages#request-to-destroy-session
 */
export function serveDestroySession(ctx: ServerHandlerContext, request: RawDestroySessionRequest, msgId: bigint): void {
  const { session } = ctx;
  const keyId = session.keyRecord.authKey.idLong;
  const existed = request.sessionId !== session.sessionId && ctx.sessions.delete(keyId, request.sessionId);
  session.running.add(msgId);
  session.sendResult(msgId, {
    _: existed ? "destroy_session_ok" : "destroy_session_none",
    sessionId: request.sessionId,
  });
}
