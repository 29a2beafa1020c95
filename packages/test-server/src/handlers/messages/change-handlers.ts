import { RpcError } from "../../api/rpc-error.js";
import { PeerSet } from "../../wire/peer-set.js";
import { seconds } from "../../world/world-clock.js";
import { act, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolveChannel, resolvePeer } from "../input-peers.js";

/** messages.editMessage, deleteMessages, readHistory; channels.deleteMessages, channels.readHistory. */
export function registerChangeHandlers(deps: HandlerDeps): void {
  const { server, world, wire } = deps;

  server.handle("messages.editMessage", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolvePeer(deps, self, request.peer);
    if (request.message === undefined) throw new RpcError(400, "MESSAGE_EMPTY");
    const change = { text: request.message, entities: request.entities, replyMarkup: request.replyMarkup };
    if (peer.kind === "channel") {
      const { entry } = act(deps, ctx, () => world.channels.edit(self.id, peer.id, request.id, change));
      return wire.entries(self.id, { kind: "channel", id: peer.id }, [entry], seconds(world.env), 0);
    }
    const edited = act(deps, ctx, () => world.chatMessaging.edit(self.id, request.id, change));
    const box = world.boxes.account(self.id);
    const update = { _: "updateEditMessage" as const, message: wire.message(edited), pts: box.pts, ptsCount: 1 };
    return wire.updates(self.id, [update], new PeerSet().addMessage(edited), seconds(world.env), 0);
  });

  server.handle("messages.deleteMessages", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const entry = act(deps, ctx, () => world.chatMessaging.delete(self.id, request.id, request.revoke === true));
    const box = world.boxes.account(self.id);
    return { _: "messages.affectedMessages" as const, pts: entry?.pts ?? box.pts, ptsCount: entry?.ptsCount ?? 0 };
  });

  server.handle("messages.readHistory", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolvePeer(deps, self, request.peer);
    if (peer.kind === "channel") throw new RpcError(400, "PEER_ID_INVALID");
    const entry = act(deps, ctx, () => world.chatMessaging.read(self.id, peer, request.maxId));
    return {
      _: "messages.affectedMessages" as const,
      pts: entry?.pts ?? world.boxes.account(self.id).pts,
      ptsCount: entry?.ptsCount ?? 0,
    };
  });

  server.handle("channels.deleteMessages", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    const entry = act(deps, ctx, () => world.channels.deleteMessages(self.id, channel.id, request.id));
    return {
      _: "messages.affectedMessages" as const,
      pts: entry?.pts ?? world.boxes.channelPts(channel.id),
      ptsCount: entry?.ptsCount ?? 0,
    };
  });

  server.handle("channels.readHistory", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    if (!act(deps, ctx, () => world.channels.read(self.id, channel.id, request.maxId)))
      throw new RpcError(400, "CHANNEL_PRIVATE");
    return true;
  });
}
