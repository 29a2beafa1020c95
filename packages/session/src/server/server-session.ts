import type { TlObject } from "@mtkit/tl-core";
import { encodeMsgsAck } from "../core/service-bodies.js";
import { RPC_RESULT_ID } from "../core/ids.js";
import { sealMessage } from "../core/message-cipher.js";
import { newOutgoing } from "../core/outbox.js";
import { packMessages } from "../core/packer.js";
import { SessionState, type SessionEnvironment } from "../core/session-state.js";
import { maybeGzip } from "../core/gzip-packed.js";
import type { SessionCodec } from "../tl/codec.js";
import type { AnyTlObject, MtprotoObject, ServiceObject } from "../tl/types.js";
import { concatBytes, writeInt32LE, writeInt64LE } from "@mtkit/mtproto-crypto/bytes";
import type { ServerAuthKeyRecord } from "./key-store.js";
import type { ServerConnection } from "./server-connection.js";
import type { ServerSaltSchedule } from "../core/server-salts.js";
import { SeqNoOrder } from "./seq-no-order.js";
import { AnswerCache, type AnswerCacheLimits } from "./answer-cache.js";
import { PushLedger } from "./push-ledger.js";

/**
 * The server role of one MTProto session (one auth key + the client's session_id). It outlives
 * connections: a client that reconnects with the same session_id finds its unacknowledged answers.
 * https://core.telegram.org/mtproto/description#session
 */
export class ServerSession {
  readonly state: SessionState;
  /** Answers not acknowledged yet, for resends (bounded; see AnswerCacheLimits). */
  readonly answers: AnswerCache;
  /** Pushes (`queuePush`) not acknowledged yet: how far behind the client is. */
  readonly pushes = new PushLedger();
  /** Queued answer messages -> their req_msg_id, until flush gives them a msg_id. */
  private readonly pendingAnswers = new Map<object, bigint>();
  /** http_wait asked for everything pending, acks included, to go out now. */
  private flushRequested = false;
  private isClosed = false;
  private highestSentMsgId = 0n;
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
    answerLimits: AnswerCacheLimits = {},
  ) {
    this.state = new SessionState(env, codec, keyRecord.authKey, "server", { sessionId, timeOffsetMs: 0 });
    this.answers = new AnswerCache(answerLimits);
  }

  /**
   * True once the server forgot this session (evicted by the session store's bounds, or
   * destroy_session): it sends nothing more, and the client's next message with its session_id
   * opens a new session (new_session_created), https://core.telegram.org/mtproto/service_messages#new-session-creation-notification
   */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Forgets everything this session holds; later results and updates for it are dropped. */
  close(): void {
    this.isClosed = true;
    this.attachedTo = undefined;
    this.answers.clear();
    this.pendingAnswers.clear();
    this.pushes.clear();
    this.running.clear();
    this.state.outbox.clear();
    this.state.acks.clear();
    this.flushRequested = false;
  }

  /** The highest msg_id this session sent (0n before its first packet). */
  get lastMsgId(): bigint {
    return this.highestSentMsgId;
  }

  /**
   * Makes this session's msg_ids start above `msgId`: a forgotten session with the same session_id
   * may have used ids up to it in the current millisecond, and the client drops a repeated server
   * msg_id (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id). The clock runs
   * ahead by at most that difference, far inside the 30 s the client tolerates.
   */
  startAbove(msgId: bigint): void {
    const ms = Number(msgId >> 32n) * 1000 + Math.ceil((Number(msgId & 0xffffffffn) * 1000) / 2 ** 32);
    const clock = this.state.clock;
    if (ms >= clock.serverNowMs()) clock.setOffsetMs(clock.timeOffsetMs + ms + 1 - clock.serverNowMs());
  }

  /** http_wait: send what is pending now, even acks that would otherwise wait for more traffic. */
  requestFlush(): void {
    if (!this.isClosed) this.flushRequested = true;
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
    const body = concatBytes(header, maybeGzip(result, this.state.codec, this.state.env.gzip));
    this.answers.set(reqMsgId, body);
    this.queueAnswer(reqMsgId, body);
  }

  sendError(reqMsgId: bigint, errorCode: number, errorMessage: string): void {
    this.sendResult(reqMsgId, { _: "rpc_error", errorCode, errorMessage });
  }

  /** Sends an object on the server's own initiative (updates). */
  sendUpdate(update: TlObject | AnyTlObject): void {
    this.queue(this.state.codec.encode(update), true, false);
  }

  /** Queues a service message (pong, future_salts, bad_msg_notification, ...). */
  queue(body: Uint8Array, contentRelated: boolean, isResponse: boolean): void {
    if (this.isClosed) return;
    this.state.outbox.enqueue(newOutgoing(body, { contentRelated, isResponse }));
  }

  /** Queues an update (content-related, answering nothing) and counts it in `pushes` until acknowledged. */
  queuePush(body: Uint8Array): void {
    if (this.isClosed) return;
    const message = newOutgoing(body, { contentRelated: true, isResponse: false });
    this.pushes.track(message);
    this.state.outbox.enqueue(message);
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
    const reqMsgId = this.answers.requestOf(answerMsgId);
    return reqMsgId !== undefined && this.resendAnswer(reqMsgId);
  }

  hasAnswer(reqMsgId: bigint): boolean {
    return this.answers.has(reqMsgId);
  }

  /** Forgets a cached answer (rpc_drop_answer); returns its size if there was one. */
  dropAnswer(reqMsgId: bigint): number | undefined {
    return this.answers.drop(reqMsgId);
  }

  /** The client acknowledged these of our messages: cached answers can go. */
  acknowledge(msgIds: readonly bigint[]): void {
    this.answers.acknowledge(msgIds);
    this.pushes.acknowledge(msgIds);
  }

  private queueAnswer(reqMsgId: bigint, body: Uint8Array): void {
    if (this.isClosed) return;
    const message = newOutgoing(body, { contentRelated: true, isResponse: true });
    this.state.outbox.enqueue(message);
    this.pendingAnswers.set(message, reqMsgId);
  }

  get wantsFlush(): boolean {
    return (
      this.state.outbox.queuedCount > 0 ||
      this.state.acks.shouldFlush ||
      (this.flushRequested && this.state.acks.size > 0)
    );
  }

  /** Encrypts everything queued (plus acks) into packets for the current connection. */
  flush(): Uint8Array[] {
    const { state } = this;
    this.flushRequested = false;
    const queued = state.outbox.takeQueued();
    const acks = state.acks.take();
    if (acks.length > 0) queued.push(newOutgoing(encodeMsgsAck(state.codec, acks), { contentRelated: false }));
    if (queued.length === 0) return [];
    const salt = this.salts.current(this.nowSeconds());
    const packets: Uint8Array[] = [];
    for (const top of packMessages(queued, state.clock, state.seq)) {
      for (const m of top.items) {
        this.pushes.sent(m);
        const req = this.pendingAnswers.get(m);
        if (req !== undefined && m.msgId !== undefined) {
          this.pendingAnswers.delete(m);
          this.answers.recordSent(m.msgId, req);
        }
      }
      if (top.msgId > this.highestSentMsgId) this.highestSentMsgId = top.msgId;
      const envelope = { salt, sessionId: state.sessionId, msgId: top.msgId, seqNo: top.seqNo, body: top.body };
      packets.push(sealMessage(state.env.crypto, state.authKey, envelope, "server"));
    }
    return packets;
  }
}
