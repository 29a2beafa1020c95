/**
 * Messages we sent and may still have to resend or match with an answer. An RPC keeps its
 * `requestId` for life while its msg_id may change (bad_msg_notification, bad_server_salt);
 * after a reconnect it is resent with the *same* msg_id, so a server that already received it
 * answers from its cache instead of executing it twice.
 */
export interface OutgoingMessage {
  /** Stable id of the caller's request; undefined for service messages nobody waits for. */
  readonly requestId: number | undefined;
  /** The method name, used to decode the result (`Vector<long>` results carry no type). */
  readonly method: string | undefined;
  /** The body as sent (possibly gzip_packed). */
  body: Uint8Array;
  /** Rebuilds the body for a new msg_id (auth.bindTempAuthKey embeds its own msg_id). */
  readonly rebuild: ((msgId: bigint) => Uint8Array) | undefined;
  contentRelated: boolean;
  /** Assigned when packed; kept on reconnect, replaced on bad_msg/bad_salt resends. */
  msgId: bigint | undefined;
  seqNo: number;
  /** The container that carried it last, so a notice about the container reaches its contents. */
  containerId: bigint | undefined;
  /** The server acknowledged receipt (msgs_ack); it will answer without a resend. */
  acked: boolean;
  /** Whether it may be put in a container (false after bad_msg 64). */
  containable: boolean;
  /** Ids it was sent under before; a late answer to any of them still completes it. */
  readonly previousIds: bigint[];
  /** Server role: an answer to a client message gets an id ≡ 1 (mod 4), anything else ≡ 3. */
  readonly isResponse: boolean;
  /** Connections that closed with an error while this waited for its answer (bounded: see the driver). */
  connectionLosses: number;
  /** Times its answer was asked for again after a packet was dropped (bounded). */
  answerAsks: number;
}

/** A fresh outgoing message, not yet stamped with msg_id and seq_no. */
export function newOutgoing(
  body: Uint8Array,
  options: {
    requestId?: number | undefined;
    method?: string | undefined;
    contentRelated: boolean;
    isResponse?: boolean;
    rebuild?: (msgId: bigint) => Uint8Array;
  },
): OutgoingMessage {
  return {
    rebuild: options.rebuild,
    requestId: options.requestId,
    method: options.method,
    body,
    contentRelated: options.contentRelated,
    msgId: undefined,
    seqNo: 0,
    containerId: undefined,
    acked: false,
    containable: true,
    previousIds: [],
    isResponse: options.isResponse ?? false,
    connectionLosses: 0,
    answerAsks: 0,
  };
}

export class Outbox {
  /** Messages waiting to be packed, in order. */
  private readonly queue: OutgoingMessage[] = [];
  /** Sent, unanswered messages by their current msg_id. */
  private readonly sent = new Map<bigint, OutgoingMessage>();
  /**
   * Container msg_id -> the msgIds it carried and how many of its requests are still unanswered.
   * A notice about a container only matters while something in it waits for an answer, so an entry
   * goes when its last request completes (at 100 requests per container, keeping 1024 containers
   * regardless held ~100k ids).
   */
  private readonly containers = new Map<bigint, { readonly ids: bigint[]; open: number }>();
  /** Recently sent ids nobody waits for (acks, answers), bounded. */
  private readonly recent = new Set<bigint>();

  enqueue(message: OutgoingMessage): void {
    this.queue.push(message);
  }

  /** Puts a message back at the front (resend) with a fresh msg_id unless `keepId`. */
  requeue(message: OutgoingMessage, keepId: boolean): void {
    // The old id stays mapped: if the server did get it after all, its answer still lands here.
    if (message.msgId !== undefined && !keepId) message.previousIds.push(message.msgId);
    if (!keepId) message.msgId = undefined;
    this.leaveContainer(message);
    if (!this.queue.includes(message)) this.queue.unshift(message);
  }

  takeQueued(): OutgoingMessage[] {
    return this.queue.splice(0, this.queue.length);
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  markSent(message: OutgoingMessage): void {
    if (message.msgId === undefined) return;
    if (message.requestId !== undefined) this.sent.set(message.msgId, message);
    else this.rememberId(message.msgId);
  }

  /** Remembers ids of fire-and-forget messages so notices about them are recognised. */
  rememberId(msgId: bigint): void {
    this.recent.add(msgId);
    if (this.recent.size > 1024) {
      const first = this.recent.values().next();
      if (first.done !== true) this.recent.delete(first.value);
    }
  }

  /** Remembers what a container carried, if any of it waits for an answer. */
  markContainer(containerId: bigint, items: readonly OutgoingMessage[]): void {
    let open = 0;
    for (const m of items) if (m.requestId !== undefined) open++;
    // Acks and other messages nobody waits for are never resent, so a notice about a container of
    // only those needs nothing from us (its id is in `recent` for isKnown()).
    if (open > 0) this.containers.set(containerId, { ids: items.map((m) => m.msgId!), open });
  }

  /** The message no longer travels in its container (answered or resent). */
  private leaveContainer(message: OutgoingMessage): void {
    const containerId = message.containerId;
    if (containerId === undefined) return;
    message.containerId = undefined;
    if (message.requestId === undefined) return;
    const entry = this.containers.get(containerId);
    if (entry !== undefined && --entry.open <= 0) this.containers.delete(containerId);
  }

  get(msgId: bigint): OutgoingMessage | undefined {
    return this.sent.get(msgId);
  }

  /** The messages a notice about `msgId` refers to: the message itself or a container's contents. */
  resolve(msgId: bigint): OutgoingMessage[] {
    const single = this.sent.get(msgId);
    if (single !== undefined) return [single];
    const ids = this.containers.get(msgId)?.ids;
    if (ids === undefined) return [];
    const out: OutgoingMessage[] = [];
    for (const id of ids) {
      const m = this.sent.get(id);
      if (m !== undefined) out.push(m);
    }
    return out;
  }

  isKnown(msgId: bigint): boolean {
    return this.sent.has(msgId) || this.containers.has(msgId) || this.recent.has(msgId);
  }

  /** Forgets a message (answered or cancelled). */
  complete(msgId: bigint): OutgoingMessage | undefined {
    const m = this.sent.get(msgId);
    if (m === undefined) return undefined;
    this.leaveContainer(m);
    this.sent.delete(msgId);
    if (m.msgId !== undefined) this.sent.delete(m.msgId);
    for (const id of m.previousIds) this.sent.delete(id);
    return m;
  }

  findByRequestId(requestId: number): OutgoingMessage | undefined {
    for (const m of this.sent.values()) if (m.requestId === requestId && !this.queue.includes(m)) return m;
    return this.queue.find((m) => m.requestId === requestId);
  }

  /** Removes a request that has not been sent yet; true if it was still queued. */
  dropQueued(requestId: number): boolean {
    const i = this.queue.findIndex((m) => m.requestId === requestId);
    if (i < 0) return false;
    const [m] = this.queue.splice(i, 1);
    for (const id of m!.previousIds) this.sent.delete(id);
    if (m!.msgId !== undefined) this.sent.delete(m!.msgId);
    return true;
  }

  /** Every unanswered, already-sent message (reconnect, new session). */
  unanswered(): OutgoingMessage[] {
    return [...new Set(this.sent.values())].filter((m) => !this.queue.includes(m));
  }

  /** Container bookkeeping is only needed while a notice can still arrive; keep it bounded. */
  pruneContainers(max = 1024): void {
    while (this.containers.size > max) {
      const first = this.containers.keys().next();
      if (first.done === true) break;
      this.containers.delete(first.value);
    }
  }

  get pendingCount(): number {
    return new Set([...this.sent.values(), ...this.queue]).size;
  }

  clear(): OutgoingMessage[] {
    const all = [...new Set([...this.queue, ...this.sent.values()])];
    this.queue.length = 0;
    this.sent.clear();
    this.containers.clear();
    this.recent.clear();
    return all;
  }
}
