import type { TypePeer } from "@mtkit/tl-core/api";
import type { ClientContext } from "../messages/context.js";
import type { DeliveredUpdates } from "../updates/update-sink.js";

/**
 * Short updates (updateShortMessage, updateShortChatMessage) carry user ids but no user objects, so
 * a sender never seen before has no access hash and cannot be answered
 * (https://core.telegram.org/api/peers). Their messages have account-wide ids: one
 * messages.getMessages for those ids brings the users and chats, which the client's invoke stores in
 * the peer cache. Channel messages always come with their peers.
 */
export async function fetchMissingPeers(
  ctx: Pick<ClientContext, "invoke" | "peers">,
  batch: DeliveredUpdates,
): Promise<void> {
  const ids: number[] = [];
  for (const update of batch.updates) {
    if (update._ !== "updateNewMessage" && update._ !== "updateEditMessage") continue;
    const message = update.message;
    if (message._ === "messageEmpty") continue;
    const peers: TypePeer[] = message.fromId === undefined ? [message.peerId] : [message.peerId, message.fromId];
    // Basic groups need no access hash; users and channels do.
    const records = await Promise.all(peers.filter((peer) => peer._ !== "peerChat").map((peer) => ctx.peers.get(peer)));
    if (records.includes(null)) ids.push(message.id);
  }
  if (ids.length === 0) return;
  await ctx.invoke({ _: "messages.getMessages", id: ids.map((id) => ({ _: "inputMessageID" as const, id })) });
}
