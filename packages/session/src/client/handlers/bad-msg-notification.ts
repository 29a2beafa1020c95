import type { ClientHandlerContext } from "../client-context.js";
import type { BadMsgNotification } from "../../tl/types.js";

/**
 * bad_msg_notification, every code of
 * https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message
 * The server ignored the message, so resending cannot execute it twice. We only react when the
 * id is one we really sent.
 */
export function handleBadMsgNotification(
  ctx: ClientHandlerContext,
  notice: BadMsgNotification,
  noticeMsgId: bigint,
): void {
  const { state } = ctx;
  if (!state.outbox.isKnown(notice.badMsgId)) return;
  const affected = state.outbox.resolve(notice.badMsgId);
  switch (notice.errorCode) {
    case 16: // msg_id too low
    case 17: // msg_id too high: our clock is off; take the server's from the notice's own msg_id
      state.clock.syncToMsgId(noticeMsgId);
      state.timeSynced = true;
      ctx.resend(affected);
      return;
    case 18: // the two low bits of msg_id are wrong (cannot happen with MsgIdClock): new ids
    case 19: // container msg_id equal to an earlier one
    case 20: // too old to tell whether it was received: send again under a new id
      ctx.resend(affected);
      return;
    case 32: // seq_no too low
    case 33: // seq_no too high: our counter and the server's disagree; restart in a new session
      state.renewSession();
      ctx.resend(state.outbox.unanswered());
      return;
    case 34: // an even seq_no expected (not content-related) but odd received
      for (const m of affected) m.contentRelated = false;
      ctx.resend(affected);
      return;
    case 35: // an odd seq_no expected (content-related) but even received
      for (const m of affected) m.contentRelated = true;
      ctx.resend(affected);
      return;
    case 48: // bad server salt without the new one (bad_server_salt carries it): resend
      ctx.resend(affected);
      return;
    case 64: // invalid container: send its contents on their own
      ctx.resend(affected, { containable: false });
      return;
    default:
      for (const m of affected) {
        ctx.complete(m.msgId!);
        if (m.requestId !== undefined)
          ctx.emit({ type: "bad-msg", requestId: m.requestId, errorCode: notice.errorCode });
      }
  }
}
