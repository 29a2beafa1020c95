// TODO(move to session): the server role's dispatch of incoming messages and service requests.
import { gunzipSync } from "node:zlib";
import { TlBytesReader, WireError } from "../wire/tl-reader.js";
import type { ServerSession } from "./server-session.js";
import { ServiceIds } from "./service-ids.js";
import * as reply from "./service-replies.js";

/** gzip_packed is inflated at most to this size: a decompression bomb becomes an error, not an OOM. */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

export interface ProcessorHooks {
  readonly nowSeconds: () => number;
  readonly randomLong: () => bigint;
  /** An API call (anything that is not a service message). */
  rpc(session: ServerSession, msgId: bigint, body: Uint8Array): void;
  /** destroy_auth_key: forget the key once the answer is out. */
  destroyAuthKey(session: ServerSession): void;
}

/**
 * Handles one decrypted message: containers, gzip, msg_copy, acks and every service request of
 * https://core.telegram.org/mtproto/service_messages; API calls go to `hooks.rpc`.
 */
export function processMessage(hooks: ProcessorHooks, session: ServerSession, msgId: bigint, seqNo: number, body: Uint8Array): void {
  const reader = new TlBytesReader(body);
  const id = reader.peekId();
  if (id === ServiceIds.msgContainer) {
    processContainer(hooks, session, reader);
    return;
  }
  // Content-related messages (odd seq_no) must be acknowledged (https://core.telegram.org/mtproto/description#content-related-message).
  if (seqNo % 2 === 1) session.ack(msgId);
  reader.id();
  switch (id) {
    case ServiceIds.gzipPacked:
      processMessage(hooks, session, msgId, seqNo & ~1, gunzipSync(reader.bytesValue(), { maxOutputLength: MAX_INFLATED_BYTES }));
      // The inner message was already acknowledged above; avoid a second ack via `seqNo & ~1`.
      return;
    case ServiceIds.msgsAck:
    case ServiceIds.httpWait:
      return;
    case ServiceIds.ping:
      session.queue({ body: reply.pong(msgId, reader.long()), contentRelated: false, isResponse: true });
      return;
    case ServiceIds.pingDelayDisconnect: {
      const pingId = reader.long();
      session.link?.scheduleDisconnect(reader.int());
      session.queue({ body: reply.pong(msgId, pingId), contentRelated: false, isResponse: true });
      return;
    }
    case ServiceIds.getFutureSalts: {
      const count = Math.min(Math.max(reader.int(), 1), 64);
      const now = hooks.nowSeconds();
      const salts = session.record.salts.future(now, count);
      session.queue({ body: reply.futureSalts(msgId, now, salts), contentRelated: false, isResponse: true });
      return;
    }
    case ServiceIds.msgsStateReq:
    case ServiceIds.msgResendReq:
      session.queue({ body: reply.msgsStateInfo(msgId, stateOf(session, reader.longVector())), contentRelated: false, isResponse: true });
      return;
    case ServiceIds.rpcDropAnswer:
      session.queue({ body: reply.rpcResult(msgId, dropAnswer(session, reader.long())), contentRelated: true, isResponse: true });
      return;
    case ServiceIds.destroySession: {
      const target = reader.long();
      const found = target !== session.id && session.record.sessions.delete(target);
      session.queue({ body: reply.rpcResult(msgId, reply.destroySessionResult(found, target)), contentRelated: true, isResponse: true });
      return;
    }
    case ServiceIds.destroyAuthKey:
      session.queue({ body: reply.rpcResult(msgId, reply.bareConstructor(ServiceIds.destroyAuthKeyOk)), contentRelated: true, isResponse: true });
      hooks.destroyAuthKey(session);
      return;
    case ServiceIds.msgCopy:
      processContainerItem(hooks, session, reader);
      return;
    default:
      hooks.rpc(session, msgId, body);
  }
}

function processContainer(hooks: ProcessorHooks, session: ServerSession, reader: TlBytesReader): void {
  reader.id();
  const count = reader.int();
  // Each item needs at least 16 header bytes; a bigger count cannot be honest.
  if (count < 0 || count > 1024 || count * 16 > reader.remaining) {
    throw new WireError("BAD_LENGTH", reader.offset, `container of ${count} messages`);
  }
  for (let i = 0; i < count; i++) processContainerItem(hooks, session, reader);
}

function processContainerItem(hooks: ProcessorHooks, session: ServerSession, reader: TlBytesReader): void {
  const innerId = reader.long();
  const innerSeqNo = reader.int();
  const length = reader.int();
  if (length < 0 || length % 4 !== 0 || length > reader.remaining) {
    throw new WireError("BAD_LENGTH", reader.offset, `container item of ${length} bytes`);
  }
  const body = reader.raw(length);
  if (!session.seen.accept(innerId)) return;
  const innerReader = new TlBytesReader(body);
  if (innerReader.peekId() === ServiceIds.msgContainer) return; // no nested containers
  processMessage(hooks, session, innerId, innerSeqNo, body);
}

/** msgs_state_info statuses (https://core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information). */
function stateOf(session: ServerSession, ids: readonly bigint[]): Uint8Array {
  const info = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    // 4 = received; 1 = nothing known (we keep no older history).
    info[i] = session.seen.has(id) ? 4 : 1;
  });
  return info;
}

function dropAnswer(session: ServerSession, reqMsgId: bigint): Uint8Array {
  const call = session.running.get(reqMsgId);
  if (call === undefined) return reply.bareConstructor(ServiceIds.rpcAnswerUnknown);
  call.dropped = true;
  return reply.bareConstructor(ServiceIds.rpcAnswerDroppedRunning);
}
