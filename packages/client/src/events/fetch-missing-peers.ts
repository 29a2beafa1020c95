import type { TypePeer } from "@mtkit/tl-core/api";
import type { ClientContext } from "../messages/context.js";
import type { PeerCache } from "../peers/peer-cache.js";
import type { DeliveredUpdates } from "../updates/update-sink.js";

/**
 * Short updates (updateShortMessage, updateShortChatMessage) carry user ids but no user objects, so
 * a sender never seen before has no access hash and cannot be answered
 * (https://core.telegram.org/api/peers). Their messages have account-wide ids: one
 * messages.getMessages for those ids brings the users and chats, which the client's invoke stores in
 * the peer cache. Channel messages always come with their peers.
 */
export function fetchMissingPeers(
  ctx: Pick<ClientContext, "invoke" | "peers">,
  batch: DeliveredUpdates,
): Promise<void> | undefined {
  let checks: { readonly id: number; readonly missing: Promise<boolean> }[] | undefined;
  for (const update of batch.updates) {
    if (update._ !== "updateNewMessage" && update._ !== "updateEditMessage") continue;
    const message = update.message;
    if (message._ === "messageEmpty") continue;
    // Known peers are answered without a storage read or a promise: the live path of a push stream.
    const peerMissing = missing(ctx.peers, message.peerId);
    const fromMissing = message.fromId === undefined ? false : missing(ctx.peers, message.fromId);
    if (peerMissing === false && fromMissing === false) continue;
    const either = Promise.all([peerMissing, fromMissing]).then(([a, b]) => a || b);
    (checks ??= []).push({ id: message.id, missing: either });
  }
  return checks === undefined ? undefined : fetchThose(ctx, checks);
}

async function fetchThose(
  ctx: Pick<ClientContext, "invoke">,
  checks: readonly { readonly id: number; readonly missing: Promise<boolean> }[],
): Promise<void> {
  // All awaited at once: a failed read rejects this one promise, none is left unhandled.
  const missing = await Promise.all(checks.map((check) => check.missing));
  const ids = checks.filter((_check, index) => missing[index] === true).map((check) => check.id);
  if (ids.length === 0) return;
  await ctx.invoke({ _: "messages.getMessages", id: ids.map((id) => ({ _: "inputMessageID" as const, id })) });
}

/** Basic groups need no access hash; users and channels do. */
function missing(peers: PeerCache, peer: TypePeer): boolean | Promise<boolean> {
  if (peer._ === "peerChat") return false;
  const [kind, id] = peer._ === "peerUser" ? (["user", peer.userId] as const) : (["channel", peer.channelId] as const);
  if (peers.isKnownStored(kind, id)) return false;
  return peers.get(peer).then((record) => record === null);
}
