// A scripted secret-chat counterparty that is a real logged-in client of the test server but uses
// no secret-chat code of ours: raw `invoke` of messages.acceptEncryption / sendEncrypted /
// sendEncryptedService, with every byte built here from mtproto-crypto and the tl-core schema
// (https://core.telegram.org/api/end-to-end). It answers Alice's requests as the responder and can
// write anything: honest messages, or crafted g_b, fingerprints, padding, seq numbers and layers.
import {
  bigIntFromBytes,
  bigIntToBytes,
  computeMsgKey,
  decryptSecretMessage,
  deriveAesKeyIv,
  encryptSecretMessage,
  int64ToBytesLE,
  readInt64LE,
  secretKeyFingerprint,
} from "@mtkit/mtproto-crypto";
import { decodeObject, encodeObject } from "@mtkit/tl-core";
import type { TypeEncryptedChat, TypeEncryptedMessage } from "@mtkit/tl-core/api";
import { type RawDecryptedMessageLayer, secretRegistry, type TypeDecryptedMessage } from "@mtkit/tl-core/secret";
import { expect } from "vitest";
import type { TelegramClient } from "../../src/node/index.js";
import { crypto, type Harness, makeClient } from "../client/harness.js";

type Requested = Extract<TypeEncryptedChat, { _: "encryptedChatRequested" }>;

/** What `acceptNext` may falsify; anything left out is honest. */
export interface AcceptCraft {
  readonly gB?: Uint8Array;
  readonly keyFingerprint?: bigint;
}

/** The responder's wire seq numbers: in_seq_no odd, out_seq_no even (https://core.telegram.org/api/end-to-end/seq_no). */
export interface SeqNumbers {
  readonly inSeqNo: number;
  readonly outSeqNo: number;
}

export class HostilePeer {
  readonly #requests: Requested[] = [];
  #answered = 0;
  /** Alice's packets, in arrival order. */
  readonly #inbox: TypeEncryptedMessage[] = [];
  #chat: { id: number; accessHash: bigint; key: Uint8Array } | undefined;
  /** Chats the server told us were discarded. */
  readonly discarded: number[] = [];
  /** Our messages Alice has taken (raw out_seq_no of the next honest one). */
  rawOut = 0;

  private constructor(
    readonly client: TelegramClient,
    readonly userId: bigint,
    readonly accessHash: bigint,
  ) {}

  static async login(h: Harness, phone: string, ws: boolean): Promise<HostilePeer> {
    const account = h.slice.addUser({ phone, firstName: "Mallory" });
    const { client } = makeClient(h.server, { ws });
    const peer = new HostilePeer(client, account.id, account.accessHash);
    client.updates.addSink(({ updates }) => {
      for (const update of updates) {
        if (update._ === "updateEncryption" && update.chat._ === "encryptedChatRequested")
          peer.#requests.push(update.chat);
        if (update._ === "updateEncryption" && update.chat._ === "encryptedChatDiscarded")
          peer.discarded.push(update.chat.id);
        if (update._ === "updateNewEncryptedMessage") peer.#inbox.push(update.message);
      }
    });
    await client.connect();
    await client.signIn(await client.sendCode(phone), h.slice.lastCode(phone) ?? "");
    return peer;
  }

  get chatId(): number {
    return this.#chatOrThrow().id;
  }

  /** Waits for the next unanswered request and answers it with acceptEncryption, honest unless `craft` says otherwise. */
  async acceptNext(craft: AcceptCraft = {}): Promise<void> {
    await expect.poll(() => this.#requests.length, { timeout: 20_000 }).toBeGreaterThan(this.#answered);
    const request = this.#requests[this.#answered];
    if (request === undefined) throw new Error("no request");
    const config = await this.client.invoke({ _: "messages.getDhConfig", version: 0, randomLength: 256 });
    if (config._ !== "messages.dhConfig") throw new Error("no DH config");
    const p = bigIntFromBytes(config.p);
    const b = bigIntFromBytes(crypto.randomFill(new Uint8Array(256)));
    const key = bigIntToBytes(crypto.modPow(bigIntFromBytes(request.gA), b, p), 256);
    const gB = craft.gB ?? bigIntToBytes(crypto.modPow(BigInt(config.g), b, p), 256);
    this.#chat = { id: request.id, accessHash: request.accessHash, key };
    this.rawOut = 0;
    await this.client.invoke({
      _: "messages.acceptEncryption",
      peer: { _: "inputEncryptedChat", chatId: request.id, accessHash: request.accessHash },
      gB,
      keyFingerprint: craft.keyFingerprint ?? secretKeyFingerprint(crypto, key),
    });
    this.#answered++; // a refused answer leaves the request to answer again
  }

  /** The next honest seq numbers: everything Alice sent counts as read. */
  honestSeq(): SeqNumbers {
    return { inSeqNo: 2 * this.#inboxOfChat().length + 1, outSeqNo: 2 * this.rawOut };
  }

  /** decryptedMessageLayer bytes (TL) around `message`. */
  layered(message: TypeDecryptedMessage, seq: SeqNumbers, layer = 144): Uint8Array {
    const wrapped: RawDecryptedMessageLayer = {
      _: "decryptedMessageLayer",
      randomBytes: crypto.randomFill(new Uint8Array(16)),
      layer,
      ...seq,
      message,
    };
    return encodeObject(secretRegistry, wrapped);
  }

  /** Encrypts as the responder (x = 8); `paddingLength` outside 12..1024 builds what encryptSecretMessage refuses to. */
  seal(tl: Uint8Array, paddingLength?: number): Uint8Array {
    const { key } = this.#chatOrThrow();
    if (paddingLength === undefined) return encryptSecretMessage(crypto, key, tl, "responder");
    const plain = new Uint8Array(4 + tl.length + paddingLength);
    new DataView(plain.buffer).setInt32(0, tl.length, true);
    plain.set(tl, 4);
    plain.set(crypto.randomFill(new Uint8Array(paddingLength)), 4 + tl.length);
    const msgKey = computeMsgKey(crypto, key, plain, 8);
    const aes = deriveAesKeyIv(crypto, key, msgKey, 8);
    const body = crypto.aesIgeEncrypt(plain, aes.key, aes.iv);
    return new Uint8Array([...int64ToBytesLE(secretKeyFingerprint(crypto, key)), ...msgKey, ...body]);
  }

  /** Sends raw bytes (a new random_id each time, so the server relays even a replay). */
  async send(data: Uint8Array, service = false): Promise<void> {
    const { id, accessHash } = this.#chatOrThrow();
    const peer = { _: "inputEncryptedChat", chatId: id, accessHash } as const;
    const randomId = readInt64LE(crypto.randomFill(new Uint8Array(8)), 0);
    await this.client.invoke({
      _: service ? "messages.sendEncryptedService" : "messages.sendEncrypted",
      peer,
      randomId,
      data,
    });
  }

  /** An honest text message; returns its bytes (for a replay). */
  async sendText(text: string): Promise<Uint8Array> {
    const randomId = readInt64LE(crypto.randomFill(new Uint8Array(8)), 0);
    const data = this.seal(this.layered({ _: "decryptedMessage", randomId, ttl: 0, message: text }, this.honestSeq()));
    await this.send(data);
    this.rawOut++;
    return data;
  }

  /** An honest service message (NotifyLayer, AcceptKey, Resend...). */
  async sendAction(action: Extract<TypeDecryptedMessage, { _: "decryptedMessageService" }>["action"]): Promise<void> {
    const randomId = readInt64LE(crypto.randomFill(new Uint8Array(8)), 0);
    await this.send(
      this.seal(this.layered({ _: "decryptedMessageService", randomId, action }, this.honestSeq())),
      true,
    );
    this.rawOut++;
  }

  /** Alice's messages so far, decrypted and unwrapped (she is the originator, x = 0). */
  received(): TypeDecryptedMessage[] {
    const { key } = this.#chatOrThrow();
    return this.#inboxOfChat().map((packet) => {
      const tl = decryptSecretMessage(crypto, key, packet.bytes, "originator");
      return (decodeObject(secretRegistry, tl) as RawDecryptedMessageLayer).message;
    });
  }

  #inboxOfChat(): TypeEncryptedMessage[] {
    const { id } = this.#chatOrThrow();
    return this.#inbox.filter((packet) => packet.chatId === id);
  }

  #chatOrThrow(): { id: number; accessHash: bigint; key: Uint8Array } {
    if (this.#chat === undefined) throw new Error("no chat accepted yet");
    return this.#chat;
  }
}
