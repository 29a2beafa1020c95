import type { BoxRef, PeerRef } from "./types.js";

/** A short stable string for a peer ("u42", "c7", "h9"), used as a row key. */
export function peerKey(peer: PeerRef): string {
  return `${peer.kind === "user" ? "u" : peer.kind === "chat" ? "c" : "h"}${peer.id}`;
}

export function parsePeerKey(key: string): PeerRef {
  const id = BigInt(key.slice(1));
  const kind = key.startsWith("u") ? "user" : key.startsWith("c") ? "chat" : "channel";
  return { kind, id };
}

export function boxKey(box: BoxRef): string {
  return `${box.kind === "account" ? "a" : "c"}${box.id}`;
}

/** The group of a message table row: an account's copy with one peer, or a channel. */
export function historyGroup(ownerId: bigint | undefined, peer: PeerRef): string {
  return ownerId === undefined ? `c${peer.id}` : `a${ownerId}:${peerKey(peer)}`;
}

export const userPeer = (id: bigint): PeerRef => ({ kind: "user", id });
export const chatPeer = (id: bigint): PeerRef => ({ kind: "chat", id });
export const channelPeer = (id: bigint): PeerRef => ({ kind: "channel", id });

/** Row key of an id (ids are far below 2^53). */
export const idKey = (id: bigint): number => Number(id);
