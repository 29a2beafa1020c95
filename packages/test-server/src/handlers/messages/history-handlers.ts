import type { TypeInputMessage, TypeMessage, messages_TypeMessages } from "@mtkit/tl-core/api";
import { RpcError } from "../../api/rpc-error.js";
import { PeerSet } from "../../wire/peer-set.js";
import { isActiveMember } from "../../world/channels.js";
import { historyPage } from "../../world/history.js";
import type { Message } from "../../world/types.js";
import { requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolveChannel, resolvePeer } from "../input-peers.js";

/** messages.getHistory, messages.getMessages, channels.getMessages (https://core.telegram.org/api/offsets). */
export function registerHistoryHandlers(deps: HandlerDeps): void {
  const { server, world } = deps;

  server.handle("messages.getHistory", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolvePeer(deps, self, request.peer);
    const channel = peer.kind === "channel";
    if (channel && !isActiveMember(world.channels.member(peer.id, self.id))) throw new RpcError(400, "CHANNEL_PRIVATE");
    const page = historyPage(world.store, channel ? undefined : self.id, peer, request);
    const listed = messagesAnswer(deps, self.id, page.messages);
    if (channel) {
      return {
        _: "messages.channelMessages" as const,
        pts: world.boxes.channelPts(peer.id),
        count: page.count,
        offsetIdOffset: page.offsetIdOffset,
        ...listed,
      };
    }
    if (page.messages.length === page.count) return { _: "messages.messages" as const, ...listed };
    return { _: "messages.messagesSlice" as const, count: page.count, offsetIdOffset: page.offsetIdOffset, ...listed };
  });

  server.handle("messages.getMessages", (request, ctx): messages_TypeMessages => {
    const self = requireAccount(deps, ctx);
    const found = request.id
      .map((input) => messageId(input))
      .map((id) => (id === undefined ? undefined : world.messages.ownCopy(self.id, id)));
    return { _: "messages.messages", ...messagesAnswer(deps, self.id, found, request.id) };
  });

  server.handle("channels.getMessages", (request, ctx): messages_TypeMessages => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    if (!isActiveMember(world.channels.member(channel.id, self.id))) throw new RpcError(400, "CHANNEL_PRIVATE");
    const found = request.id
      .map((input) => messageId(input))
      .map((id) => (id === undefined ? undefined : world.messages.channelMessage(channel.id, id)));
    return {
      _: "messages.channelMessages",
      pts: world.boxes.channelPts(channel.id),
      count: found.length,
      ...messagesAnswer(deps, self.id, found, request.id),
    };
  });
}

function messageId(input: TypeInputMessage): number | undefined {
  return input._ === "inputMessageID" ? input.id : undefined;
}

/** Messages (messageEmpty for the ones not found) with the users and chats they mention. */
export function messagesAnswer(
  deps: HandlerDeps,
  viewerId: bigint,
  messages: readonly (Message | undefined)[],
  asked?: readonly TypeInputMessage[],
): {
  messages: TypeMessage[];
  topics: [];
  users: ReturnType<HandlerDeps["wire"]["peers"]>["users"];
  chats: ReturnType<HandlerDeps["wire"]["peers"]>["chats"];
} {
  const peers = new PeerSet();
  const out = messages.map((message, index): TypeMessage => {
    if (message === undefined) {
      const input = asked?.[index];
      return { _: "messageEmpty", id: input?._ === "inputMessageID" ? input.id : 0 };
    }
    peers.addMessage(message);
    return deps.wire.message(message);
  });
  return { messages: out, topics: [], ...deps.wire.peers(viewerId, peers) };
}
