import type { AuthKey } from "@mtkit/mtproto-crypto";
import { resultMethodOf, type TlObject, type TlRegistry } from "@mtkit/tl-core";
import { MessageRejectedError } from "../errors.js";
import { SessionCodec } from "../tl/codec.js";
import type { AnyTlObject, ServiceObject } from "../tl/types.js";
import type { ClientHandlerContext } from "./client-context.js";
import { finishInternalRequest, type InternalKind } from "./internal-requests.js";
import { buildBindTempAuthKey } from "../core/bind-temp-auth-key.js";
import { dispatchClientMessage, isTimeNotice } from "./client-receive.js";
import type { ClientSessionEvent } from "./events.js";
import { maybeGzip } from "../core/gzip-packed.js";
import { openMessage, sealMessage } from "../core/message-cipher.js";
import { newOutgoing, type OutgoingMessage } from "../core/outbox.js";
import { packMessages } from "../core/packer.js";
import { encodeMsgsAck } from "../core/service-bodies.js";
import { randomLong, SessionState, type SessionEnvironment } from "../core/session-state.js";

/** A decrypted, checked message: what open() returns and dispatchOpened() takes. */
export interface OpenedMessage {
  readonly msgId: bigint;
  readonly seqNo: number;
  readonly body: Uint8Array;
}

export interface ClientSessionOptions {
  readonly env: SessionEnvironment;
  readonly authKey: AuthKey;
  /** The salt from the handshake or storage. */
  readonly serverSalt?: bigint;
  /** Server time minus local time (ms), from the handshake or storage. */
  readonly timeOffsetMs?: number;
  readonly sessionId?: bigint;
  /** The API schema registry (from @mtkit/tl-core/api), so results decode in one pass. */
  readonly apiRegistry?: TlRegistry;
}

/**
 * The client role of an encrypted MTProto session, sans IO: `invoke()` queues requests, `flush()`
 * returns encrypted packets to send, `receive()` takes packets and returns events.
 * https://core.telegram.org/mtproto/description
 */
export class ClientSession implements ClientHandlerContext {
  readonly state: SessionState;
  private nextRequestId = 1;
  private events: ClientSessionEvent[] = [];
  private readonly internal = new Map<number, InternalKind>();

  constructor(options: ClientSessionOptions) {
    const codec = new SessionCodec(options.apiRegistry);
    this.state = new SessionState(options.env, codec, options.authKey, "client", options);
  }

  // ---- outgoing -------------------------------------------------------------------------------

  /** Queues an RPC call; returns its request id (stable across resends). */
  invoke(request: TlObject | AnyTlObject): number {
    const method = resultMethodOf(this.state.codec.registry, request);
    return this.enqueueRequest(this.state.codec.encode(request), method);
  }

  private enqueueRequest(body: Uint8Array, method: string | undefined, kind?: InternalKind): number {
    const requestId = this.nextRequestId++;
    if (kind !== undefined) this.internal.set(requestId, kind);
    this.state.outbox.enqueue(
      newMessage(maybeGzip(body, this.state.codec, this.state.env.gzip, method), requestId, method, true),
    );
    return requestId;
  }

  private enqueueService(obj: ServiceObject, kind: InternalKind): number {
    return this.enqueueRequest(this.state.codec.encode(obj), obj._, kind);
  }

  ping(pingId: bigint = randomLong(this.state.env)): number {
    return this.enqueueService({ _: "ping", pingId: pingId }, "ping");
  }

  /** Keep-alive: the server closes the connection `delaySeconds` after the last such ping. */
  pingDelayDisconnect(delaySeconds: number, pingId: bigint = randomLong(this.state.env)): number {
    return this.enqueueService({ _: "ping_delay_disconnect", pingId: pingId, disconnectDelay: delaySeconds }, "ping");
  }

  /**
   * Long poll over HTTP (https://core.telegram.org/mtproto/service_messages#long-poll-http-wait): the
   * server may hold the answer to the packet carrying it up to `maxWaitMs` until it has messages. Sent
   * as not content-related: it has no answer, and an ack of it would end the poll at once.
   */
  httpWait(maxDelayMs: number, waitAfterMs: number, maxWaitMs: number): void {
    const body = this.state.codec.encode({
      _: "http_wait",
      maxDelay: maxDelayMs,
      waitAfter: waitAfterMs,
      maxWait: maxWaitMs,
    });
    this.sendService(body, false);
  }

  getFutureSalts(num: number): number {
    return this.enqueueService({ _: "get_future_salts", num: Math.min(64, Math.max(1, num)) }, "future-salts");
  }

  destroySession(sessionId: bigint): number {
    return this.enqueueService({ _: "destroy_session", sessionId: sessionId }, "destroy-session");
  }

  /** Logout: asks the server to forget this auth key (event 'auth-key-destroyed' when it did). */
  destroyAuthKey(): number {
    return this.enqueueService({ _: "destroy_auth_key" }, "destroy-auth-key");
  }

  requestState(msgIds: readonly bigint[]): number {
    return this.enqueueService(
      { _: "msgs_state_req", msgIds: msgIds.slice(0, 8192) },
      { stateReq: msgIds.slice(0, 8192) },
    );
  }

  /**
   * Binds this (temporary-key) session to a permanent key: https://core.telegram.org/api/pfs
   * The binding message embeds the request's own msg_id, so it is rebuilt whenever that changes.
   */
  bindTempAuthKey(permKey: AuthKey, expiresAt: number): number {
    const { state } = this;
    const nonce = randomLong(state.env);
    const requestId = this.nextRequestId++;
    const params = { permKey, tempKey: state.authKey, tempSessionId: state.sessionId, nonce, expiresAt };
    const rebuild = (msgId: bigint): Uint8Array =>
      state.codec.encode(
        buildBindTempAuthKey(
          state.env.crypto,
          state.codec,
          { ...params, tempSessionId: state.sessionId },
          msgId,
          state.env.randomBytes(16),
        ),
      );
    const message = newOutgoing(new Uint8Array(0), {
      requestId,
      method: "auth.bindTempAuthKey",
      contentRelated: true,
      rebuild,
    });
    message.containable = false;
    state.outbox.enqueue(message);
    return requestId;
  }

  /**
   * Cancels a request: forgotten if not yet sent, otherwise rpc_drop_answer asks the server to
   * drop the answer. https://core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query
   */
  cancel(requestId: number): void {
    if (this.state.outbox.dropQueued(requestId)) return;
    const message = this.state.outbox.findByRequestId(requestId);
    if (message?.msgId === undefined) return;
    this.state.outbox.complete(message.msgId);
    this.enqueueService({ _: "rpc_drop_answer", reqMsgId: message.msgId }, { drop: requestId });
  }

  /** True when a flush would send something now (requests or a full batch of acks). */
  get wantsFlush(): boolean {
    return this.state.outbox.queuedCount > 0 || this.state.acks.shouldFlush;
  }

  get hasPendingAcks(): boolean {
    return this.state.acks.size > 0;
  }

  /** Packs queued messages and pending acks into encrypted packets (possibly none). */
  flush(): Uint8Array[] {
    const { state } = this;
    const queued = state.outbox.takeQueued();
    const acks = state.acks.take();
    if (acks.length > 0) queued.push(newMessage(encodeMsgsAck(state.codec, acks), undefined, undefined, false));
    if (queued.length === 0) return [];
    const salt = state.salts.currentAt(state.clock.serverNowSeconds());
    const packets: Uint8Array[] = [];
    for (const top of packMessages(queued, state.clock, state.seq)) {
      for (const m of top.items) state.outbox.markSent(m);
      if (top.isContainer) {
        state.outbox.markContainer(top.msgId, top.items);
        state.outbox.rememberId(top.msgId);
      }
      const envelope = { salt, sessionId: state.sessionId, msgId: top.msgId, seqNo: top.seqNo, body: top.body };
      packets.push(sealMessage(state.env.crypto, state.authKey, envelope, "client"));
    }
    state.outbox.pruneContainers();
    return packets;
  }

  // ---- incoming -------------------------------------------------------------------------------

  /**
   * Decrypts and checks one packet (https://core.telegram.org/mtproto/security_guidelines) and
   * returns the events it produced. A rejected packet throws MessageRejectedError and changes nothing.
   */
  receive(packet: Uint8Array): ClientSessionEvent[] {
    return this.dispatchOpened(this.open(packet));
  }

  /** receive()'s first half: decrypt, msg_id parity, replay and time checks; the message is recorded as seen. */
  open(packet: Uint8Array): OpenedMessage {
    const { state } = this;
    const message = openMessage(state.env.crypto, state.authKey, packet, "server", state.sessionId);
    if ((message.msgId & 1n) === 0n)
      throw new MessageRejectedError("MSG_ID_PARITY", "server msg_id must be odd", message.msgId);
    state.replay.checkReplay(message.msgId);
    if (state.timeSynced && !isTimeNotice(message.body))
      state.replay.checkTime(message.msgId, state.clock.serverNowSeconds());
    state.replay.record(message.msgId);
    return message;
  }

  /** receive()'s second half: routes an opened message (its body possibly pre-inflated, see expand-gzip.ts). */
  dispatchOpened(message: OpenedMessage): ClientSessionEvent[] {
    this.events = [];
    dispatchClientMessage(this, message.msgId, message.seqNo, message.body);
    if (this.wantsFlush) this.events.push({ type: "flush-needed" });
    return this.events;
  }

  /**
   * After a new connection: every unanswered request goes out again with its *same* msg_id. A
   * server that already has it ignores the duplicate (answering from its cache if done), so
   * nothing is lost and nothing runs twice; acknowledged ones are included because their answer
   * may have been lost with the old connection.
   */
  reconnected(): void {
    for (const m of this.state.outbox.unanswered()) this.state.outbox.requeue(m, true);
  }

  /**
   * The connection closed with an error while requests waited (a packet over the maximum, a codec
   * error...). Every unanswered request counts one loss; those that reach `maxLosses` are forgotten
   * and their request ids returned, so the caller fails them instead of resending for ever.
   */
  connectionLost(maxLosses: number): number[] {
    const failed: number[] = [];
    for (const m of this.state.outbox.unanswered()) {
      if (m.requestId === undefined || m.msgId === undefined) continue;
      m.connectionLosses++;
      if (m.connectionLosses < maxLosses) continue;
      this.state.outbox.complete(m.msgId);
      this.internal.delete(m.requestId);
      failed.push(m.requestId);
    }
    return failed;
  }

  /**
   * A packet failed the security checks (bad msg_key, replay...) and was dropped: it may have held
   * an answer, so ask the server at once to send again the answers to every unanswered request
   * (msg_resend_req with their msg_ids; our server, like Telegram's, resends what it holds) rather
   * than wait for the dead-connection watchdog. Each request is asked for at most `MAX_ANSWER_ASKS`
   * times, so a stream of bad packets cannot make us loop. Returns how many were asked for.
   * https://core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages
   */
  askForAnswersAgain(): number {
    const msgIds: bigint[] = [];
    for (const m of this.state.outbox.unanswered()) {
      if (m.requestId === undefined || m.msgId === undefined || m.answerAsks >= MAX_ANSWER_ASKS) continue;
      m.answerAsks++;
      msgIds.push(m.msgId);
    }
    if (msgIds.length === 0) return 0;
    this.sendService(this.state.codec.encode({ _: "msg_resend_req", msgIds: msgIds.slice(0, 8192) }), false);
    return msgIds.length;
  }

  /** Requests sent but not yet answered plus those still queued. */
  get pendingCount(): number {
    return this.state.outbox.pendingCount;
  }

  /** Fails every pending request (close); returns their ids. */
  abandonAll(): number[] {
    this.internal.clear();
    return this.state.outbox.clear().flatMap((m) => (m.requestId === undefined ? [] : [m.requestId]));
  }

  // ---- ClientHandlerContext -------------------------------------------------------------------

  emit(event: ClientSessionEvent): void {
    this.events.push(event);
  }

  resend(messages: readonly OutgoingMessage[], options: { readonly containable?: boolean } = {}): void {
    for (const m of messages) {
      if (options.containable !== undefined) m.containable = options.containable;
      this.state.outbox.requeue(m, false);
    }
  }

  sendService(body: Uint8Array, contentRelated: boolean): void {
    this.state.outbox.enqueue(newMessage(body, undefined, undefined, contentRelated));
  }

  complete(msgId: bigint): OutgoingMessage | undefined {
    return this.state.outbox.complete(msgId);
  }

  finishInternal(message: OutgoingMessage, result: unknown): boolean {
    if (message.requestId === undefined) return false;
    const kind = this.internal.get(message.requestId);
    if (kind === undefined) return false;
    this.internal.delete(message.requestId);
    finishInternalRequest(this, kind, result);
    return true;
  }
}

/** How often one request's answer is asked for again after dropped packets. */
const MAX_ANSWER_ASKS = 3;

function newMessage(
  body: Uint8Array,
  requestId: number | undefined,
  method: string | undefined,
  contentRelated: boolean,
): OutgoingMessage {
  return newOutgoing(body, { requestId, method, contentRelated });
}
