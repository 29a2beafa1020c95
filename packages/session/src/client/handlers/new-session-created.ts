import type { ClientHandlerContext } from "../client-context.js";
import type { NewSessionCreated } from "../../tl/types.js";

/**
 * new_session_created: store the salt, tell the layer above (it should run getDifference), and
 * resend unanswered requests sent before firstMsgId: the server never saw them in this session.
 * https://core.telegram.org/mtproto/service_messages#new-session-creation-notification
 */
export function handleNewSessionCreated(ctx: ClientHandlerContext, notice: NewSessionCreated): void {
  ctx.state.salts.set(notice.serverSalt);
  const lost = ctx.state.outbox.unanswered().filter((m) => m.msgId !== undefined && m.msgId < notice.firstMsgId);
  if (lost.length > 0) ctx.resend(lost);
  ctx.emit({ type: "new-session", firstMsgId: notice.firstMsgId, uniqueId: notice.uniqueId });
}
