/**
 * Creating and ending secret chats (https://core.telegram.org/api/end-to-end): messages.getDhConfig,
 * requestEncryption, acceptEncryption, discardEncryption. The server checks what it can without
 * the key: sizes and range of the public values, who may act on which chat, and the chat's state.
 */
import { bigIntFromBytes, isGeneratorValidFor, TELEGRAM_DH_PRIME } from "@mtkit/mtproto-crypto";
import type { messages, TypeInputEncryptedChat } from "@mtkit/tl-core/api";
import { RpcError } from "../api/rpc-error.js";
import { requireAccount, type HandlerDeps } from "../handlers/handler-deps.js";
import { resolveUser } from "../handlers/input-peers.js";
import type { Account } from "../world/types.js";
import { wireEncryptedChat } from "./encrypted-chat-wire.js";
import { pushNotice } from "./secret-push.js";
import { type RelayChat, type SecretRelay, secretRelayOf } from "./secret-relay.js";

export const DH_CONFIG_VERSION = 1;
export const DH_G = [3, 4, 5, 7, 2, 6].find((g) => isGeneratorValidFor(TELEGRAM_DH_PRIME, g)) ?? 4;
const P_BYTES = Uint8Array.from(TELEGRAM_DH_PRIME.toString(16).padStart(512, "0").match(/../g) ?? [], (hex) =>
  Number.parseInt(hex, 16),
);

/** g_a and g_b: 256 bytes with 1 < value < p - 1 (the key itself stays unknown to the server). */
function checkPublic(bytes: Uint8Array, error: string): void {
  const value = bytes.length === 256 ? bigIntFromBytes(bytes) : 0n;
  if (value <= 1n || value >= TELEGRAM_DH_PRIME - 1n) throw new RpcError(400, error);
}

/** The chat an input names, for one of its two members. */
export function resolveEncryptedChat(
  relay: SecretRelay,
  self: Account,
  input: TypeInputEncryptedChat | number,
): RelayChat {
  const chat = relay.chats.get(typeof input === "number" ? input : input.chatId);
  if (chat === undefined || (typeof input !== "number" && chat.accessHash !== input.accessHash))
    throw new RpcError(400, "CHAT_ID_INVALID");
  if (chat.adminId !== self.id && chat.participantId !== self.id) throw new RpcError(400, "CHAT_ID_INVALID");
  return chat;
}

export function otherSide(chat: RelayChat, selfId: bigint): bigint {
  return chat.adminId === selfId ? chat.participantId : chat.adminId;
}

function announce(deps: HandlerDeps, chat: RelayChat, accountIds: readonly bigint[]): void {
  const date = secretRelayOf(deps.world).now();
  chat.changedAt = date;
  for (const id of accountIds)
    pushNotice(deps, id, { _: "updateEncryption", chat: wireEncryptedChat(chat, id), date }, chat);
}

export function registerSecretChatHandlers(deps: HandlerDeps): void {
  const { server, world, crypto } = deps;
  const relay = secretRelayOf(world);

  server.handle("messages.getDhConfig", (request, ctx): messages.TypeDhConfig => {
    requireAccount(deps, ctx);
    if (request.randomLength < 0 || request.randomLength > 1024) throw new RpcError(400, "RANDOM_LENGTH_INVALID");
    const random = crypto.randomFill(new Uint8Array(request.randomLength));
    if (request.version === DH_CONFIG_VERSION) return { _: "messages.dhConfigNotModified", random };
    return { _: "messages.dhConfig", g: DH_G, p: P_BYTES, version: DH_CONFIG_VERSION, random };
  });

  server.handle("messages.requestEncryption", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolveUser(deps, self, request.userId);
    if (peer.id === self.id || peer.bot) throw new RpcError(400, "USER_ID_INVALID");
    checkPublic(request.gA, "DH_G_A_INVALID");
    const key = `${self.id}:${request.randomId}`;
    const known = relay.requests.get(key);
    const existing = known === undefined ? undefined : relay.chats.get(known);
    if (existing !== undefined) return wireEncryptedChat(existing, self.id);
    const chat = relay.createChat(self.id, peer.id, request.gA);
    relay.requests.set(key, chat.id);
    deps.pusher.during(ctx, () => {
      announce(deps, chat, [peer.id]);
    });
    return wireEncryptedChat(chat, self.id);
  });

  server.handle("messages.acceptEncryption", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const chat = resolveEncryptedChat(relay, self, request.peer);
    if (chat.participantId !== self.id) throw new RpcError(400, "CHAT_ID_INVALID");
    if (chat.state === "ready") throw new RpcError(400, "ENCRYPTION_ALREADY_ACCEPTED");
    if (chat.state === "discarded") throw new RpcError(400, "ENCRYPTION_ALREADY_DECLINED");
    checkPublic(request.gB, "DH_G_B_INVALID");
    chat.gB = request.gB;
    chat.keyFingerprint = request.keyFingerprint;
    chat.state = "ready";
    deps.pusher.during(ctx, () => {
      announce(deps, chat, [chat.adminId, self.id]);
    });
    return wireEncryptedChat(chat, self.id);
  });

  server.handle("messages.discardEncryption", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const chat = resolveEncryptedChat(relay, self, request.chatId);
    if (chat.state === "discarded") throw new RpcError(400, "ENCRYPTION_ALREADY_DECLINED");
    chat.state = "discarded";
    chat.historyDeleted = request.deleteHistory === true;
    if (chat.historyDeleted) relay.dropChatMessages(chat.id);
    deps.pusher.during(ctx, () => {
      announce(deps, chat, [chat.adminId, chat.participantId]);
    });
    return true;
  });
}
