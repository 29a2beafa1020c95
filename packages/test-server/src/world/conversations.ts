import type { WorldStore } from "../store/world-store.js";
import type { Dialogs } from "./dialogs.js";
import { chatPeer, idKey, userPeer } from "./peers.js";
import type { PeerRef } from "./types.js";
import { WorldError } from "./world-error.js";

/** One participant of a private chat or a basic group, and how that chat looks from its side. */
export interface Participant {
  readonly accountId: bigint;
  readonly peer: PeerRef;
}

/**
 * Who holds a copy of a message sent by `senderId` to `peer` (a user or a basic group), each with the
 * peer as seen from its side: private chats have two sides (one for Saved Messages), groups one per member.
 */
export function participantsOf(store: WorldStore, senderId: bigint, peer: PeerRef): Participant[] {
  if (peer.kind === "user") {
    if (store.table("accounts").get("", idKey(peer.id)) === undefined) throw new WorldError("PEER_ID_INVALID");
    if (peer.id === senderId) return [{ accountId: senderId, peer: userPeer(senderId) }];
    return [
      { accountId: senderId, peer: userPeer(peer.id) },
      { accountId: peer.id, peer: userPeer(senderId) },
    ];
  }
  if (peer.kind === "chat") {
    const chat = store.table("chats").get("", idKey(peer.id));
    if (chat === undefined) throw new WorldError("CHAT_ID_INVALID");
    if (!chat.members.some((member) => member.userId === senderId)) throw new WorldError("CHAT_WRITE_FORBIDDEN");
    const others = chat.members.filter((member) => member.userId !== senderId);
    return [
      { accountId: senderId, peer: chatPeer(peer.id) },
      ...others.map((member) => ({ accountId: member.userId, peer: chatPeer(peer.id) })),
    ];
  }
  throw new WorldError("PEER_ID_INVALID", "channels have one copy per message");
}

/** The auto-delete timer of a chat as its owner sees it. */
export function chatTtl(store: WorldStore, dialogs: Dialogs, ownerId: bigint, peer: PeerRef): number | undefined {
  if (peer.kind === "chat") return store.table("chats").get("", idKey(peer.id))?.ttlPeriod;
  if (peer.kind === "channel") return store.table("channels").get("", idKey(peer.id))?.ttlPeriod;
  return dialogs.get(ownerId, peer)?.ttlPeriod;
}
