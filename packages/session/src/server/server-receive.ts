import { decodeContainer, MSG_CONTAINER_ID } from "../core/container.js";
import { GZIP_PACKED_ID } from "../core/gzip.js";
import { MSG_COPY_ID, MSGS_ACK_ID } from "../core/ids.js";
import { MsgIdClock } from "../core/msg-id-clock.js";
import { unpackGzip } from "../core/rpc-result.js";
import { MessageRejectedError } from "../errors.js";
import { readInt32LE, readInt64LE, readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { serveBindTempAuthKey, type BindRequest } from "./handlers/bind-temp-auth-key.js";
import { serveDestroyAuthKey } from "./handlers/destroy-auth-key.js";
import { serveDestroySession } from "./handlers/destroy-session.js";
import { serveGetFutureSalts } from "./handlers/get-future-salts.js";
import { serveHttpWait } from "./handlers/http-wait.js";
import { serveMsgResendReq } from "./handlers/msg-resend-req.js";
import { serveMsgsAck } from "./handlers/msgs-ack.js";
import { serveMsgsStateReq } from "./handlers/msgs-state-req.js";
import { servePing } from "./handlers/ping.js";
import { serveRpcDropAnswer } from "./handlers/rpc-drop-answer.js";
import type { ServerHandlerContext } from "./server-context.js";
import { isAllowedForKey } from "./temp-key-policy.js";
import type { ServiceObject } from "../tl/types.js";

/** Client messages that must be even (not content-related): anything else we receive is a query. */
const NOT_CONTENT_RELATED = new Set([MSGS_ACK_ID, MSG_CONTAINER_ID, 0x04deb57d /* msgs_state_info */]);
/**
 * Service messages whose content-relatedness clients disagree on (the spec does not say); either
 * parity is accepted so independent clients are not pushed into session resets. http_wait is one:
 * it must never fail (see handlers/http-wait.ts).
 */
const EITHER_PARITY = new Set([
  GZIP_PACKED_ID,
  MSG_COPY_ID,
  0xda69fb52 /* msgs_state_req */,
  0x7d861a08 /* msg_resend_req */,
  0x8cc0d131 /* msgs_all_info */,
  0x9299359f /* http_wait */,
]);

/**
 * The checks a server makes before acting on a client message, answered with
 * bad_msg_notification codes: https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message
 * Returns false when the message must not be processed.
 */
function acceptMessage(ctx: ServerHandlerContext, msgId: bigint, seqNo: number, body: Uint8Array): boolean {
  const { session } = ctx;
  const badMsg = (errorCode: number): false => {
    session.queueService({ _: "bad_msg_notification", badMsgId: msgId, badMsgSeqno: seqNo, errorCode }, false, true);
    return false;
  };
  if (msgId % 4n !== 0n) return badMsg(18);
  const seconds = MsgIdClock.secondsOf(msgId);
  const now = session.nowSeconds();
  if (session.state.replay.has(msgId)) {
    // A resend of something we already have: answer from the cache, never execute twice.
    session.resendAnswer(msgId);
    return false;
  }
  if (seconds < now - 300) return badMsg(16);
  if (seconds > now + 30) return badMsg(17);
  const id = body.length >= 4 ? readUint32LE(body, 0) : 0;
  const mustBeEven = NOT_CONTENT_RELATED.has(id);
  // Telegram tolerates an odd msgs_ack (mtcute sends them), so we do too; other parity errors get 34/35.
  if (mustBeEven && seqNo % 2 === 1 && id !== MSGS_ACK_ID) return badMsg(34);
  if (!mustBeEven && !EITHER_PARITY.has(id) && seqNo % 2 === 0) return badMsg(35);
  // Containers, acks and the either-parity messages are left out of the order check: clients number
  // them differently (a container may take its seq_no before or after its items), and Telegram
  // tolerates the same messages above.
  const ordered = id !== MSG_CONTAINER_ID && id !== MSGS_ACK_ID && !EITHER_PARITY.has(id);
  const orderError = ordered ? session.seqNoOrder.check(msgId, seqNo) : undefined;
  if (orderError !== undefined) return badMsg(orderError);
  if (ordered) session.seqNoOrder.record(msgId, seqNo);
  session.state.replay.record(msgId);
  if (seqNo % 2 === 1 && id !== MSGS_ACK_ID) session.state.acks.push(msgId);
  return true;
}

/** Processes one client message (and a container's contents) in its session. */
export function processClientMessage(
  ctx: ServerHandlerContext,
  msgId: bigint,
  seqNo: number,
  body: Uint8Array,
  depth = 0,
): void {
  if (body.length < 4) throw new MessageRejectedError("MALFORMED_BODY", "body shorter than a constructor id", msgId);
  const id = readUint32LE(body, 0);
  if (id === MSG_CONTAINER_ID && depth === 0) {
    if (!acceptMessage(ctx, msgId, seqNo, body)) return;
    let items;
    try {
      items = decodeContainer(body);
    } catch {
      ctx.session.queueService(
        { _: "bad_msg_notification", badMsgId: msgId, badMsgSeqno: seqNo, errorCode: 64 },
        false,
        true,
      );
      return;
    }
    for (const item of items) processClientMessage(ctx, item.msgId, item.seqNo, item.body, 1);
    return;
  }
  if (id === MSG_CONTAINER_ID) {
    ctx.session.queueService(
      { _: "bad_msg_notification", badMsgId: msgId, badMsgSeqno: seqNo, errorCode: 64 },
      false,
      true,
    );
    return;
  }
  if (!acceptMessage(ctx, msgId, seqNo, body)) return;
  if (id === MSG_COPY_ID && depth === 0 && body.length >= 20) {
    // msg_copy#e06046b2 orig_message:Message: process the original message in its place.
    const length = readInt32LE(body, 16);
    if (length >= 4 && 20 + length <= body.length)
      processClientMessage(ctx, readInt64LE(body, 4), readInt32LE(body, 12), body.subarray(20, 20 + length), 1);
    return;
  }
  dispatch(ctx, msgId, unpackGzip(body, ctx.session.state.codec));
}

function dispatch(ctx: ServerHandlerContext, msgId: bigint, body: Uint8Array): void {
  const { session } = ctx;
  let decoded: { readonly _: string };
  try {
    decoded = session.state.codec.decode(body) as { readonly _: string };
  } catch {
    session.running.add(msgId);
    session.sendError(msgId, 400, "INPUT_CONSTRUCTOR_INVALID");
    return;
  }
  const service = decoded as ServiceObject;
  switch (service._) {
    case "msgs_ack":
      serveMsgsAck(ctx, service);
      return;
    case "ping":
    case "ping_delay_disconnect":
      servePing(ctx, service, msgId);
      return;
    case "get_future_salts":
      serveGetFutureSalts(ctx, service, msgId);
      return;
    case "msgs_state_req":
      serveMsgsStateReq(ctx, service, msgId);
      return;
    case "msg_resend_req":
      serveMsgResendReq(ctx, service, msgId);
      return;
    case "rpc_drop_answer":
      serveRpcDropAnswer(ctx, service, msgId);
      return;
    case "destroy_session":
      serveDestroySession(ctx, service, msgId);
      return;
    case "msgs_state_info":
      return;
    case "http_wait":
      serveHttpWait(ctx, service);
      return;
    case "destroy_auth_key":
      serveDestroyAuthKey(ctx, msgId);
      return;
    default:
      break;
  }
  session.running.add(msgId);
  if (!isAllowedForKey(session.keyRecord, decoded)) {
    session.sendError(msgId, 401, "AUTH_KEY_PERM_EMPTY");
    return;
  }
  if (decoded._ === "auth.bindTempAuthKey") {
    serveBindTempAuthKey(ctx, decoded as BindRequest, msgId);
    return;
  }
  ctx.emit({ type: "request", session, reqMsgId: msgId, request: decoded });
}
