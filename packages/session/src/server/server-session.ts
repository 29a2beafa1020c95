import type { TlObject } from '@mtkit/tl-core';
import { encodeMsgsAck } from '../core/service-bodies.js';
import { RPC_RESULT_ID } from '../core/ids.js';
import { sealMessage } from '../core/message-cipher.js';
import { newOutgoing } from '../core/outbox.js';
import { packMessages } from '../core/packer.js';
import { SessionState, type SessionEnvironment } from '../core/session-state.js';
import { maybeGzip } from '../core/gzip-packed.js';
import type { SessionCodec } from '../tl/codec.js';
import type { AnyTlObject, MtprotoObject, ServiceObject } from '../tl/types.js';
import { concatBytes, writeInt32LE, writeInt64LE } from '@mtkit/mtproto-crypto/bytes';
import type { ServerAuthKeyRecord } from './key-store.js';
import type { ServerConnection } from './server-connection.js';
import type { ServerSaltSchedule } from '../core/server-salts.js';
import { SeqNoOrder } from './seq-no-order.js';

/** Answers kept until the client acknowledges them, so a resent request is answered from cache. */
const MAX_CACHED_ANSWERS = 1024;

/**
 * The server role of one MTProto session (one auth key + the client's session_id). It outlives
 * connections: a client that reconnects with the same session_id finds its unacknowledged answers.
 * https://core.telegram.org/mtproto/description#session
 */
export class ServerSession {
  readonly state: SessionState;
  /** req_msg_id -> the rpc_result body sent (or to send) for it. */
  private readonly answers = new Map<bigint, Uint8Array>();
  /** msg_id of a sent rpc_result -> its req_msg_id (acks free the cache). */
  private readonly answerIds = new Map<bigint, bigint>();
  /** Requests handed to the application and not answered yet. */
  readonly running = new Set<bigint>();
  /** The newest accepted client message, for the seq_no order checks (32 / 33). */
  readonly seqNoOrder = new SeqNoOrder();
  /**
   * The connection the client used last (a ServerConnection); answers and updates go out there.
   * Undefined once that connection closed: queued messages wait for the client to come back.
   */
  attachedTo: ServerConnection | undefined;

  constructor(
    env: SessionEnvironment,
    codec: SessionCodec,
    readonly keyRecord: ServerAuthKeyRecord,
    sessionId: bigint,
    readonly salts: ServerSaltSchedule,
  ) {
    this.state = new SessionState(env, codec, keyRecord.authKey, 'server', { sessionId, timeOffsetMs: 0 });
  }

  get sessionId(): bigint {
    return this.state.sessionId;
  }

  nowSeconds(): number {
    return this.state.clock.serverNowSeconds();
  }

  /** Answers request `reqMsgId` with a TL object (rpc_result). */
  sendResult(reqMsgId: bigint, result: MtprotoObject | TlObject | AnyTlObject): void {
    this.sendRawResult(reqMsgId, this.state.codec.encode(result));
  }

  /** Answers with an already serialised result object. */
  sendRawResult(reqMsgId: bigint, result: Uint8Array): void {
    if (!this.running.delete(reqMsgId)) return; // dropped by rpc_drop_answer, or never asked
    const header = new Uint8Array(12);
    writeInt32LE(header, 0, RPC_RESULT_ID);
    writeInt64LE(header, 4, reqMsgId);
    const body = concatBytes(header, maybeGzip(result, this.state.codec));
    this.answers.set(reqMsgId, body);
    while (this.answers.size > MAX_CACHED_ANSWERS) {
      const oldest = this.answers.keys().next();
      if (oldest.done === true) break;
      this.answers.delete(oldest.value);
    }
    this.queueAnswer(reqMsgId, body);
  }

  sendError(reqMsgId: bigint, errorCode: number, errorMessage: string): void {
    this.sendResult(reqMsgId, { _: 'rpc_error', errorCode, errorMessage });
  }

  /** Sends an object on the server's own initiative (updates). */
  sendUpdate(update: TlObject | AnyTlObject): void {
    this.queue(this.state.codec.encode(update), true, false);
  }

  /** Queues a service message (pong, future_salts, bad_msg_notification, ...). */
  queue(body: Uint8Array, contentRelated: boolean, isResponse: boolean): void {
    this.state.outbox.enqueue(newOutgoing(body, { contentRelated, isResponse }));
  }

  queueService(obj: ServiceObject, contentRelated: boolean, isResponse: boolean): void {
    this.queue(this.state.codec.encode(obj), contentRelated, isResponse);
  }

  /** Re-queues the cached answer to `reqMsgId` (a resent request or msg_resend_req); false if none. */
  resendAnswer(reqMsgId: bigint): boolean {
    const body = this.answers.get(reqMsgId);
    if (body === undefined) return false;
    this.queueAnswer(reqMsgId, body);
    return true;
  }

  /** Resends the answer that went out as message `answerMsgId` (msg_resend_req names our ids). */
  resendByAnswerId(answerMsgId: bigint): boolean {
    const reqMsgId = this.answerIds.get(answerMsgId);
    return reqMsgId !== undefined && this.resendAnswer(reqMsgId);
  }

  hasAnswer(reqMsgId: bigint): boolean {
    return this.answers.has(reqMsgId);
  }

  /** Forgets a cached answer (rpc_drop_answer); returns its size if there was one. */
  dropAnswer(reqMsgId: bigint): number | undefined {
    const body = this.answers.get(reqMsgId);
    this.answers.delete(reqMsgId);
    return body?.length;
  }

  /** The client acknowledged these of our messages: cached answers can go. */
  acknowledge(msgIds: readonly bigint[]): void {
    for (const id of msgIds) {
      const req = this.answerIds.get(id);
      if (req === undefined) continue;
      this.answerIds.delete(id);
      this.answers.delete(req);
    }
  }

  private queueAnswer(reqMsgId: bigint, body: Uint8Array): void {
    const message = newOutgoing(body, { contentRelated: true, isResponse: true });
    this.state.outbox.enqueue(message);
    this.pendingAnswers.set(message, reqMsgId);
  }

  private readonly pendingAnswers = new Map<object, bigint>();

  get wantsFlush(): boolean {
    return this.state.outbox.queuedCount > 0 || this.state.acks.shouldFlush;
  }

  /** Encrypts everything queued (plus acks) into packets for the current connection. */
  flush(): Uint8Array[] {
    const { state } = this;
    const queued = state.outbox.takeQueued();
    const acks = state.acks.take();
    if (acks.length > 0) queued.push(newOutgoing(encodeMsgsAck(state.codec, acks), { contentRelated: false }));
    if (queued.length === 0) return [];
    const salt = this.salts.current(this.nowSeconds());
    const packets: Uint8Array[] = [];
    for (const top of packMessages(queued, state.clock, state.seq)) {
      for (const m of top.items) {
        const req = this.pendingAnswers.get(m);
        if (req !== undefined && m.msgId !== undefined) {
          this.pendingAnswers.delete(m);
          this.answerIds.set(m.msgId, req);
        }
      }
      const envelope = { salt, sessionId: state.sessionId, msgId: top.msgId, seqNo: top.seqNo, body: top.body };
      packets.push(sealMessage(state.env.crypto, state.authKey, envelope, 'server'));
    }
    while (this.answerIds.size > MAX_CACHED_ANSWERS) {
      const oldest = this.answerIds.keys().next();
      if (oldest.done === true) break;
      this.answerIds.delete(oldest.value);
    }
    return packets;
  }
}
