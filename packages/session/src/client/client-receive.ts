import { MessageRejectedError } from "../errors.js";
import { handleBadMsgNotification } from "./handlers/bad-msg-notification.js";
import { handleBadServerSalt } from "./handlers/bad-server-salt.js";
import { handleFutureSalts } from "./handlers/future-salts.js";
import { handleMsgDetailedInfo } from "./handlers/msg-detailed-info.js";
import { handleMsgResendReq } from "./handlers/msg-resend-req.js";
import { handleMsgsAck } from "./handlers/msgs-ack.js";
import { handleMsgsStateInfo } from "./handlers/msgs-state-info.js";
import { handleMsgsStateReq } from "./handlers/msgs-state-req.js";
import { handleNewSessionCreated } from "./handlers/new-session-created.js";
import { handlePong } from "./handlers/pong.js";
import { handleRpcResult } from "./handlers/rpc-result.js";
import type { ServiceObject } from "../tl/types.js";
import { readInt32LE, readInt64LE, readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { ClientHandlerContext } from "./client-context.js";
import { decodeContainer, MSG_CONTAINER_ID } from "../core/container.js";
import { GZIP_PACKED_ID } from "../core/gzip.js";
import { BAD_MSG_NOTIFICATION_ID, BAD_SERVER_SALT_ID, MSG_COPY_ID, RPC_RESULT_ID } from "../core/ids.js";
import { unpackGzip } from "../core/rpc-result.js";
import { mtprotoRegistry } from "../tl/registry.js";

/**
 * Routes one decrypted message (and the contents of containers, msg_copy and gzip_packed) to its
 * handler. Content-related messages (odd seq_no) are queued for acknowledgement.
 */
export function dispatchClientMessage(
  ctx: ClientHandlerContext,
  msgId: bigint,
  seqNo: number,
  body: Uint8Array,
  depth = 0,
): void {
  if (seqNo % 2 === 1) ctx.state.acks.push(msgId);
  if (body.length < 4)
    throw new MessageRejectedError("MALFORMED_BODY", "message body shorter than a constructor id", msgId);
  const id = readUint32LE(body, 0);

  if (id === MSG_CONTAINER_ID) {
    if (depth > 0) throw new MessageRejectedError("MALFORMED_BODY", "nested container", msgId);
    const items = decodeContainer(body);
    let firstError: Error | undefined;
    let handled = 0;
    for (const item of items) {
      // Items are handled one by one: a bad item is dropped without losing the answers next to it
      // (their requests would otherwise be completed with no event); each drop is reported.
      try {
        checkInnerMsgId(ctx, item.msgId);
        dispatchClientMessage(ctx, item.msgId, item.seqNo, item.body, depth + 1);
        handled++;
      } catch (error) {
        const dropped =
          error instanceof MessageRejectedError
            ? error
            : new MessageRejectedError("MALFORMED_BODY", String(error), item.msgId);
        firstError ??= dropped;
        ctx.emit({ type: "dropped", error: dropped });
      }
    }
    // A container where nothing was usable is rejected as a whole.
    if (firstError !== undefined && handled === 0) throw firstError;
    return;
  }
  if (id === MSG_COPY_ID) {
    // msg_copy#e06046b2 orig_message:Message: process the inner message as if it arrived itself.
    if (depth > 1 || body.length < 20) throw new MessageRejectedError("MALFORMED_BODY", "bad msg_copy", msgId);
    const innerId = readInt64LE(body, 4);
    const length = readInt32LE(body, 16);
    if (length < 4 || 20 + length > body.length)
      throw new MessageRejectedError("MALFORMED_BODY", "bad msg_copy length", msgId);
    // The inner message is a message like any other: parity and replay checks on its own msg_id.
    checkInnerMsgId(ctx, innerId);
    dispatchClientMessage(ctx, innerId, readInt32LE(body, 12), body.subarray(20, 20 + length), depth + 1);
    return;
  }
  if (id === GZIP_PACKED_ID) {
    dispatchClientMessage(ctx, msgId, 0, unpackGzip(body, ctx.state.codec), depth + 1);
    return;
  }
  if (id === RPC_RESULT_ID) {
    handleRpcResult(ctx, body);
    return;
  }

  let decoded: unknown;
  try {
    decoded = ctx.state.codec.decode(body);
  } catch (cause) {
    // A service message (its id is in the MTProto schema) that does not decode is malformed: a drop
    // with its code, never an update. Other undecodable objects (a newer API layer) still reach the
    // layer above, which may refetch state.
    if (mtprotoRegistry.readers.has(id | 0)) {
      ctx.emit({
        type: "dropped",
        error: new MessageRejectedError(
          "MALFORMED_BODY",
          `service message #${id.toString(16)} does not decode: ${String(cause)}`,
          msgId,
        ),
      });
      return;
    }
    ctx.emit({ type: "update", update: undefined, raw: body });
    return;
  }
  dispatchDecoded(ctx, decoded, msgId, body);
}

/** Server msg_ids are odd and never seen before, for inner messages (container, msg_copy) too. */
function checkInnerMsgId(ctx: ClientHandlerContext, msgId: bigint): void {
  if ((msgId & 1n) === 0n) throw new MessageRejectedError("MSG_ID_PARITY", "server msg_id must be odd", msgId);
  ctx.state.replay.checkReplay(msgId);
  ctx.state.replay.record(msgId);
}

function dispatchDecoded(ctx: ClientHandlerContext, decoded: unknown, msgId: bigint, body: Uint8Array): void {
  const service = decoded as ServiceObject;
  switch (service._) {
    case "msgs_ack":
      handleMsgsAck(ctx, service);
      return;
    case "bad_msg_notification":
      handleBadMsgNotification(ctx, service, msgId);
      return;
    case "bad_server_salt":
      handleBadServerSalt(ctx, service, msgId);
      return;
    case "new_session_created":
      handleNewSessionCreated(ctx, service);
      return;
    case "pong":
      handlePong(ctx, service);
      return;
    case "future_salts":
      handleFutureSalts(ctx, service);
      return;
    case "msgs_state_info":
    case "msgs_all_info":
      handleMsgsStateInfo(ctx, service);
      return;
    case "msg_detailed_info":
    case "msg_new_detailed_info":
      handleMsgDetailedInfo(ctx, service);
      return;
    case "msg_resend_req":
      handleMsgResendReq(ctx, service);
      return;
    case "msgs_state_req":
      handleMsgsStateReq(ctx, service, msgId);
      return;
    default:
      ctx.emit({ type: "update", update: decoded, raw: body });
  }
}

/**
 * bad_msg_notification and bad_server_salt (alone or in a container) are exempt from the msg_id
 * time window: they are how the server corrects our clock.
 */
export function isTimeNotice(body: Uint8Array): boolean {
  if (body.length < 4) return false;
  const id = readUint32LE(body, 0);
  if (id === BAD_MSG_NOTIFICATION_ID || id === BAD_SERVER_SALT_ID) return true;
  if (id !== MSG_CONTAINER_ID) return false;
  try {
    return decodeContainer(body).some((item) => isTimeNotice(item.body));
  } catch {
    return false;
  }
}
