import type { TypeInputChannel, TypeInputPeer } from "@mtkit/tl-core/api";

/** Channels and supergroups have their own methods (channels.*) and their own message ids. */
export function channelOf(peer: TypeInputPeer): TypeInputChannel | null {
  if (peer._ === "inputPeerChannel")
    return { _: "inputChannel", channelId: peer.channelId, accessHash: peer.accessHash };
  if (peer._ === "inputPeerChannelFromMessage")
    return { _: "inputChannelFromMessage", peer: peer.peer, msgId: peer.msgId, channelId: peer.channelId };
  return null;
}
