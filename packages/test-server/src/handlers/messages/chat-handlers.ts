import { RpcError } from "../../api/rpc-error.js";
import { PeerSet } from "../../wire/peer-set.js";
import type { SentMessage } from "../../world/chat-messaging.js";
import { chatPeer } from "../../world/peers.js";
import { act, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolvePeer, resolveUser } from "../input-peers.js";
import { sendAsUpdates } from "./sent-updates.js";

/** Basic groups: messages.createChat, addChatUser, deleteChatUser, getFullChat, getChats; and messages.setHistoryTTL. */
export function registerChatHandlers(deps: HandlerDeps): void {
  const { server, world, wire } = deps;
  const answer = (viewerId: bigint, sent: SentMessage) =>
    sendAsUpdates(deps, viewerId, { kind: "account", id: viewerId }, sent.entry, sent.message, undefined);

  server.handle("messages.createChat", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const users = request.users.map((input) => resolveUser(deps, self, input).id);
    const { sent } = act(deps, ctx, () => world.basicGroups.create(self.id, request.title, users, request.ttlPeriod));
    return { _: "messages.invitedUsers" as const, updates: answer(self.id, sent), missingInvitees: [] };
  });

  server.handle("messages.addChatUser", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const user = resolveUser(deps, self, request.userId);
    const sent = act(deps, ctx, () => world.basicGroups.addUser(self.id, request.chatId, user.id));
    return { _: "messages.invitedUsers" as const, updates: answer(self.id, sent), missingInvitees: [] };
  });

  server.handle("messages.deleteChatUser", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const user = resolveUser(deps, self, request.userId);
    return answer(
      self.id,
      act(deps, ctx, () => world.basicGroups.deleteUser(self.id, request.chatId, user.id)),
    );
  });

  server.handle("messages.getFullChat", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const chat = world.basicGroups.get(request.chatId);
    if (chat === undefined) throw new RpcError(400, "CHAT_ID_INVALID");
    const peers = new PeerSet().add(chatPeer(chat.id));
    for (const member of chat.members) peers.addUser(member.userId);
    return { _: "messages.chatFull" as const, fullChat: wire.chatFull(chat), ...wire.peers(self.id, peers) };
  });

  server.handle("messages.getChats", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peers = new PeerSet();
    for (const id of request.id) peers.add(chatPeer(id));
    return { _: "messages.chats" as const, chats: wire.peers(self.id, peers).chats };
  });

  server.handle("messages.setHistoryTTL", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    if (request.period < 0) throw new RpcError(400, "TTL_PERIOD_INVALID");
    const peer = resolvePeer(deps, self, request.peer);
    const sent = act(deps, ctx, () => world.autoDelete.setChatTtl(self.id, peer, request.period));
    const box =
      peer.kind === "channel"
        ? ({ kind: "channel", id: peer.id } as const)
        : ({ kind: "account", id: self.id } as const);
    return sendAsUpdates(deps, self.id, box, sent.entry, sent.message, undefined);
  });
}
