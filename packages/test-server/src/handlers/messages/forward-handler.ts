import type { TypeUpdate } from "@mtkit/tl-core/api";
import { RpcError } from "../../api/rpc-error.js";
import { PeerSet } from "../../wire/peer-set.js";
import type { BoxRef, ForwardHeader, Message } from "../../world/types.js";
import { seconds } from "../../world/world-clock.js";
import { act, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolvePeer } from "../input-peers.js";

/** The origin a forward names: the first author (kept across forwards), or the channel of a post. */
function forwardHeader(message: Message): ForwardHeader {
  if (message.forward !== undefined) return message.forward;
  if (message.post) return { from: message.peer, date: message.date, channelPost: message.id };
  return {
    from: message.fromId === undefined ? undefined : { kind: "user", id: message.fromId },
    date: message.date,
    channelPost: undefined,
  };
}

/** messages.forwardMessages: one new message per id, each random_id a resend guard (https://core.telegram.org/method/messages.forwardMessages). */
export function registerForwardHandler(deps: HandlerDeps): void {
  const { server, world, wire } = deps;
  server.handle("messages.forwardMessages", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    if (request.id.length !== request.randomId.length || request.id.length === 0)
      throw new RpcError(400, "RANDOM_ID_INVALID");
    const from = resolvePeer(deps, self, request.fromPeer);
    const to = resolvePeer(deps, self, request.toPeer);
    const originals = request.id.map((id) =>
      from.kind === "channel" ? world.messages.channelMessage(from.id, id) : world.messages.ownCopy(self.id, id),
    );
    const box: BoxRef = to.kind === "channel" ? { kind: "channel", id: to.id } : { kind: "account", id: self.id };
    const updates: TypeUpdate[] = [];
    const peers = new PeerSet();
    act(deps, ctx, () => {
      world.store.transaction(() => {
        originals.forEach((original, index) => {
          if (original === undefined || original.action !== undefined) throw new RpcError(400, "MESSAGE_ID_INVALID");
          const draft = {
            text: original.text,
            entities: original.entities,
            media: original.media,
            forward: request.dropAuthor === true ? undefined : forwardHeader(original),
            randomId: request.randomId[index]!,
            silent: request.silent,
          };
          const sent =
            to.kind === "channel"
              ? world.channels.post(self.id, to.id, draft)
              : world.chatMessaging.send(self.id, to, draft);
          updates.push({ _: "updateMessageID", id: sent.message.id, randomId: request.randomId[index]! });
          if (sent.entry !== undefined) updates.push(wire.update(box, sent.entry));
          peers.addMessage(sent.message);
        });
      });
    });
    return wire.updates(self.id, updates, peers, seconds(world.env), 0);
  });

  server.handle("messages.toggleDialogPin", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    if (request.peer._ !== "inputDialogPeer") throw new RpcError(400, "PEER_ID_INVALID");
    const peer = resolvePeer(deps, self, request.peer.peer);
    const order = world.accounts.nextCounter(`pin:${self.id}`, 1);
    const updated = world.dialogs.update(self.id, peer, (row) => ({
      ...row,
      pinnedOrder: request.pinned === true ? -order : undefined,
    }));
    if (updated === undefined) throw new RpcError(400, "PEER_ID_INVALID");
    return true;
  });
}
