/**
 * The API calls of secret chats (https://core.telegram.org/api/end-to-end): getDhConfig (checked and
 * cached), requestEncryption, acceptEncryption, the file transfers, typing and read-history notices.
 * `SecretChats` decides when; this file only speaks to the server.
 */
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RawEncryptedChatRequested, RpcMethods, TypeInputUser } from "@mtkit/tl-core/api";
import type { DhConfigCache, DhConfigWithRandom } from "./dh-config-cache.js";
import { answerRequest, beginRequest, newChatState } from "./secret-chat-setup.js";
import type { SecretChatState } from "./secret-chat-state.js";
import type { PendingRequestRecord } from "./secret-chat-store.js";
import { type SecretFileHost } from "./secret-files.js";

/** What the manager needs of a client: typed invoke (a `TelegramClient` is one). */
export interface ApiInvoker {
  invoke<M extends keyof RpcMethods>(
    request: RpcMethods[M]["request"] & { readonly _: M },
  ): Promise<RpcMethods[M]["result"]>;
}

export interface InputEncryptedChat {
  readonly _: "inputEncryptedChat";
  readonly chatId: number;
  readonly accessHash: bigint;
}

export class SecretChatCalls {
  constructor(
    readonly api: ApiInvoker,
    private readonly crypto: CryptoProvider,
    private readonly dh: DhConfigCache,
    private readonly host: SecretFileHost | undefined,
  ) {}

  async dhConfig(): Promise<DhConfigWithRandom> {
    return this.dh.apply(
      await this.api.invoke({ _: "messages.getDhConfig", version: this.dh.version, randomLength: 256 }),
    );
  }

  /** Sends g_a; what finishing the key later needs. */
  async requestEncryption(user: Extract<TypeInputUser, { _: "inputUser" }>): Promise<PendingRequestRecord> {
    const config = await this.dhConfig();
    const half = beginRequest(this.crypto, config);
    const randomId = new DataView(this.crypto.randomFill(new Uint8Array(4)).buffer).getInt32(0) & 0x7fffffff;
    const chat = await this.api.invoke({
      _: "messages.requestEncryption",
      userId: user,
      randomId,
      gA: half.publicValue,
    });
    return { chatId: chat.id, half, params: config.params, peerUserId: Number(user.userId) };
  }

  /** Checks g_a, sends g_b and the key fingerprint; the new chat's state (we are the responder). */
  async acceptEncryption(requested: RawEncryptedChatRequested, now: number): Promise<SecretChatState> {
    const config = await this.dhConfig();
    const { gB, shared } = answerRequest(this.crypto, config, requested.gA);
    const peer = { _: "inputEncryptedChat", chatId: requested.id, accessHash: requested.accessHash } as const;
    await this.api.invoke({ _: "messages.acceptEncryption", peer, gB, keyFingerprint: shared.fingerprint });
    return newChatState(this.crypto, {
      chatId: requested.id,
      accessHash: requested.accessHash,
      peerUserId: Number(requested.adminId),
      role: "responder",
      dh: config.params,
      shared,
      now,
    });
  }

  async setTyping(peer: InputEncryptedChat, typing: boolean): Promise<void> {
    await this.api.invoke({ _: "messages.setEncryptedTyping", peer, typing });
  }

  async readHistory(peer: InputEncryptedChat, maxDate: number): Promise<void> {
    await this.api.invoke({ _: "messages.readEncryptedHistory", peer, maxDate });
  }

  get files(): SecretFileHost {
    if (this.host === undefined) throw new TypeError("SecretChats was made without `files`");
    return this.host;
  }
}
