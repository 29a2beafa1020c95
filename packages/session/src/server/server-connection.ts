import type { RsaPrivateKey } from "@mtkit/mtproto-crypto";
import type { TlRegistry } from "@mtkit/tl-core";
import { isPlainPacket } from "../core/plain-message.js";
import { decodeContainer, MSG_CONTAINER_ID } from "../core/container.js";
import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { openMessage } from "../core/message-cipher.js";
import { randomLong, type SessionEnvironment } from "../core/session-state.js";
import type { ServerSaltSchedule } from "../core/server-salts.js";
import { MessageRejectedError } from "../errors.js";
import { ServerHandshake } from "../handshake/server-handshake.js";
import { SessionCodec } from "../tl/codec.js";
import { readInt64LE } from "@mtkit/mtproto-crypto/bytes";
import type { ServerKeyStore, ServerAuthKeyRecord } from "./key-store.js";
import type { ServerHandlerContext } from "./server-context.js";
import type { ServerEvent } from "./server-events.js";
import { processClientMessage } from "./server-receive.js";
import { ServerSession } from "./server-session.js";
import type { ServerSessionStore } from "./session-store.js";

export interface ServerConnectionOptions {
  readonly env: SessionEnvironment;
  readonly keys: ServerKeyStore;
  readonly sessions: ServerSessionStore;
  readonly salts: ServerSaltSchedule;
  readonly rsaKeys: readonly RsaPrivateKey[];
  /** The API registry, so requests decode to objects (`invokeWithLayer`, `help.getConfig`, ...). */
  readonly apiRegistry?: TlRegistry;
  readonly dhPrime?: Uint8Array;
  readonly g?: number;
  /** Test knob: every handshake answers its first set_client_DH_params with dh_gen_retry. */
  readonly forceDhRetry?: boolean;
}

/**
 * The server role for one transport connection, sans IO: `receive(packet)` takes each packet
 * from the client and returns events (handshake answers to send, API requests to execute, -404
 * for unknown keys); `flush()` returns the encrypted packets queued for this connection.
 */
export class ServerConnection {
  private handshake: ServerHandshake | undefined;
  private readonly codec: SessionCodec;
  /** Sessions that received a packet on this connection; their answers go out here. */
  private readonly active = new Set<ServerSession>();
  private events: ServerEvent[] = [];

  constructor(private readonly options: ServerConnectionOptions) {
    this.codec = new SessionCodec(options.apiRegistry);
  }

  receive(packet: Uint8Array): ServerEvent[] {
    this.events = [];
    if (isPlainPacket(packet)) this.receivePlain(packet);
    else this.receiveEncrypted(packet);
    if (this.sessions.some((s) => s.wantsFlush)) this.events.push({ type: "flush-needed" });
    return this.events;
  }

  /** Encrypted packets for every session whose client talks on this connection. */
  flush(): Uint8Array[] {
    return this.sessions.flatMap((s) => s.flush());
  }

  /** The sessions this connection carries (usually one); a session follows its client to a new connection. */
  get sessions(): readonly ServerSession[] {
    const attached: ServerSession[] = [];
    for (const session of this.active) {
      if (session.attachedTo === this) attached.push(session);
      else this.active.delete(session); // moved to another connection, or forgotten by the store
    }
    return attached;
  }

  /** Call when the transport closed: the sessions keep their queued answers for the next connection. */
  detach(): void {
    for (const s of this.active) if (s.attachedTo === this) s.attachedTo = undefined;
    this.active.clear();
  }

  private receivePlain(packet: Uint8Array): void {
    const { options } = this;
    if (this.handshake === undefined || this.handshake.state === "done" || this.handshake.state === "failed") {
      this.handshake = new ServerHandshake({
        env: options.env,
        rsaKeys: options.rsaKeys,
        isKeyIdTaken: (id) => options.keys.get(id) !== undefined,
        registry: this.codec.registry,
        ...(options.dhPrime === undefined ? {} : { dhPrime: options.dhPrime }),
        ...(options.g === undefined ? {} : { g: options.g }),
        ...(options.forceDhRetry === undefined ? {} : { forceRetry: options.forceDhRetry }),
      });
    }
    const handshake = this.handshake;
    let answer: Uint8Array;
    try {
      answer = handshake.receive(packet);
    } catch (error) {
      this.events.push({ type: "handshake-failed", error: error as Error });
      return;
    }
    this.events.push({ type: "send", packet: answer });
    const result = handshake.result;
    if (result !== undefined) {
      const record: ServerAuthKeyRecord = {
        authKey: result.authKey,
        expiresAt: result.expiresAt,
        dcId: result.dcId,
        boundPermKeyId: undefined,
        createdAt: Math.floor(options.env.now() / 1000),
        firstSalt: result.serverSalt,
      };
      options.keys.set(record);
      this.events.push({ type: "auth-key-created", record });
    }
  }

  private receiveEncrypted(packet: Uint8Array): void {
    const { options } = this;
    if (packet.length < 8) {
      this.events.push({
        type: "rejected",
        error: new MessageRejectedError("TOO_SHORT", "packet shorter than auth_key_id"),
      });
      return;
    }
    const authKeyId = readInt64LE(packet, 0);
    const record = options.keys.get(authKeyId);
    if (record === undefined) {
      options.sessions.deleteKey(authKeyId); // a destroyed or expired key's sessions are of no use any more
      this.events.push({ type: "auth-key-unknown", authKeyId });
      return;
    }
    let message;
    try {
      message = openMessage(options.env.crypto, record.authKey, packet, "client");
    } catch (error) {
      if (!(error instanceof MessageRejectedError)) throw error;
      this.events.push({ type: "rejected", error });
      return;
    }
    let session = options.sessions.get(authKeyId, message.sessionId);
    const isNew = session === undefined;
    if (session === undefined) {
      session = new ServerSession(
        options.env,
        this.codec,
        record,
        message.sessionId,
        options.salts,
        options.sessions.answerLimits,
      );
      session.startAbove(options.sessions.msgIdFloor);
      for (const evicted of options.sessions.add(session))
        this.events.push({ type: "session-evicted", session: evicted });
    }
    this.active.add(session);
    session.attachedTo = this;
    const now = session.nowSeconds();
    if (isNew) {
      // https://core.telegram.org/mtproto/service_messages#new-session-creation-notification
      session.queueService(
        {
          _: "new_session_created",
          firstMsgId: firstMessageId(message.msgId, message.body),
          uniqueId: randomLong(options.env),
          serverSalt: options.salts.current(now),
        },
        true,
        false,
      );
      this.events.push({ type: "session-created", session });
    }
    // The handshake's first salt (new_nonce ⊕ server_nonce) is accepted for 30 minutes, so a fresh
    // client (or a temp key's auth.bindTempAuthKey) does not pay a bad_server_salt round trip.
    const firstSaltOk = message.salt === record.firstSalt && now < record.createdAt + 1800;
    const saltOk = options.salts.isValid(message.salt, now) || firstSaltOk;
    if (!saltOk) {
      session.queueService(
        {
          _: "bad_server_salt",
          badMsgId: message.msgId,
          badMsgSeqno: message.seqNo,
          errorCode: 48,
          newServerSalt: options.salts.current(now),
        },
        false,
        true,
      );
      return;
    }
    const ctx: ServerHandlerContext = {
      session,
      sessions: options.sessions,
      keys: options.keys,
      emit: (e) => this.events.push(e),
    };
    try {
      processClientMessage(ctx, message.msgId, message.seqNo, message.body);
    } catch (error) {
      if (!(error instanceof MessageRejectedError)) throw error;
      this.events.push({ type: "rejected", error });
    }
  }
}

/** The lowest msg_id a packet carries: a container's first item is older than the container. */
function firstMessageId(msgId: bigint, body: Uint8Array): bigint {
  if (body.length < 8 || readUint32LE(body, 0) !== MSG_CONTAINER_ID) return msgId;
  try {
    return decodeContainer(body).reduce((min, item) => (item.msgId < min ? item.msgId : min), msgId);
  } catch {
    return msgId;
  }
}
