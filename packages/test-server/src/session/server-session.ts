import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { encryptMessage } from "@mtkit/mtproto-crypto";
import { TlBytesWriter } from "../wire/tl-writer.js";
import type { AuthKeyRecord } from "./auth-key-record.js";
import type { OutgoingMessage } from "./outgoing-message.js";
import { RecentIds } from "./recent-ids.js";
import type { ServerMsgIds } from "./server-msg-ids.js";
import { ServiceIds } from "./service-ids.js";
import type { SessionLink } from "./session-link.js";

export interface SessionDeps {
  readonly crypto: CryptoProvider;
  readonly msgIds: ServerMsgIds;
  readonly nowSeconds: () => number;
}

/** An RPC being executed: rpc_drop_answer can cancel its answer; invokeAfterMsg can wait for it. */
export interface RunningCall {
  dropped: boolean;
  readonly done: Promise<void>;
}

const MAX_CONTAINER_MESSAGES = 1000;
const MAX_CONTAINER_BYTES = 512 * 1024;

/**
 * One client session under one auth key (https://core.telegram.org/mtproto/description#session):
 * its own seq_no, pending acks, replay window and outbox. Messages queued while no connection is
 * open wait for the client's next connection, so a reconnect loses no answer.
 */
export class ServerSession {
  readonly seen = new RecentIds();
  readonly running = new Map<bigint, RunningCall>();
  link: SessionLink | undefined;
  private seqCounter = 0;
  private readonly outbox: OutgoingMessage[] = [];
  private acks: bigint[] = [];

  constructor(
    readonly id: bigint,
    readonly record: AuthKeyRecord,
    private readonly deps: SessionDeps,
  ) {}

  ack(msgId: bigint): void {
    this.acks.push(msgId);
  }

  /** Acts as if a client message never arrived: no ack, unknown to msgs_state_req, accepted again. */
  forget(msgId: bigint): void {
    this.seen.forget(msgId);
    this.acks = this.acks.filter((id) => id !== msgId);
  }

  queue(message: OutgoingMessage): void {
    this.outbox.push(message);
  }

  /** Queues and sends right away (updates, late RPC answers). */
  send(message: OutgoingMessage): void {
    this.queue(message);
    this.flush();
  }

  /** Encrypts everything pending into as few packets as the container limits allow. */
  flush(): void {
    const link = this.link;
    if (!link?.open) return;
    const messages = this.outbox.splice(0);
    if (this.acks.length > 0) {
      const ids = this.acks.splice(0, 8192);
      const body = new TlBytesWriter().id(ServiceIds.msgsAck).vectorHeader(ids.length);
      for (const id of ids) body.long(id);
      messages.push({ body: body.finish(), contentRelated: false, isResponse: false });
    }
    let batch: OutgoingMessage[] = [];
    let batchBytes = 0;
    for (const message of messages) {
      if (batch.length >= MAX_CONTAINER_MESSAGES || batchBytes + message.body.length > MAX_CONTAINER_BYTES) {
        this.sendBatch(link, batch);
        batch = [];
        batchBytes = 0;
      }
      batch.push(message);
      batchBytes += message.body.length + 16;
    }
    this.sendBatch(link, batch);
  }

  private nextSeqNo(contentRelated: boolean): number {
    if (!contentRelated) return this.seqCounter * 2;
    return this.seqCounter++ * 2 + 1;
  }

  private sendBatch(link: SessionLink, batch: readonly OutgoingMessage[]): void {
    const first = batch[0];
    if (first === undefined) return;
    if (batch.length === 1) {
      link.sendPacket(this.encrypt(this.deps.msgIds.next(first.isResponse), this.nextSeqNo(first.contentRelated), first.body));
      return;
    }
    const container = new TlBytesWriter().id(ServiceIds.msgContainer).int(batch.length);
    for (const message of batch) {
      container
        .long(this.deps.msgIds.next(message.isResponse))
        .int(this.nextSeqNo(message.contentRelated))
        .int(message.body.length)
        .raw(message.body);
    }
    // The container's id comes after its contents' ids (https://core.telegram.org/mtproto/service_messages#simple-container).
    link.sendPacket(this.encrypt(this.deps.msgIds.next(false), this.nextSeqNo(false), container.finish()));
  }

  private encrypt(msgId: bigint, seqNo: number, body: Uint8Array): Uint8Array {
    const plaintext = new TlBytesWriter()
      .long(this.record.salts.current(this.deps.nowSeconds()))
      .long(this.id)
      .long(msgId)
      .int(seqNo)
      .int(body.length)
      .raw(body)
      .finish();
    return encryptMessage(this.deps.crypto, this.record.authKey, plaintext, "server");
  }
}
