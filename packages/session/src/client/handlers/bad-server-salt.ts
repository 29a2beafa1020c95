import type { ClientHandlerContext } from "../client-context.js";
import type { BadServerSalt } from "../../tl/types.js";

/**
 * bad_server_salt: store the new salt and resend the message (or the container's contents) with
 * new msgIds. Only messages we really sent are touched.
 * https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message
 */
export function handleBadServerSalt(ctx: ClientHandlerContext, notice: BadServerSalt, noticeMsgId: bigint): void {
  const affected = ctx.state.outbox.resolve(notice.badMsgId);
  if (affected.length === 0 && !ctx.state.outbox.isKnown(notice.badMsgId)) return;
  ctx.state.salts.set(notice.newServerSalt);
  // The notice's own msg_id carries the server's clock; a salt change often comes with drift.
  if (!ctx.state.timeSynced) {
    ctx.state.clock.syncToMsgId(noticeMsgId);
    ctx.state.timeSynced = true;
  }
  ctx.resend(affected);
}
