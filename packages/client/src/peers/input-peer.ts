import type { PeerRecord } from "../storage/types.js";
import { PeerKindError } from "./peer-not-found-error.js";
import type { TlInputChannel, TlInputPeer, TlInputUser } from "./tl-peer-types.js";

/** A usable input peer from a full record; null if the record only has a min (unusable) hash. */
export function inputPeerFromRecord(record: PeerRecord): TlInputPeer | null {
  if (record.kind === "chat") return { _: "inputPeerChat", chatId: record.id };
  if (record.isMin || record.accessHash === null) return null;
  return record.kind === "user"
    ? { _: "inputPeerUser", userId: record.id, accessHash: record.accessHash }
    : { _: "inputPeerChannel", channelId: record.id, accessHash: record.accessHash };
}

/**
 * A min peer named through the message that mentioned it: `inputPeerUserFromMessage` /
 * `inputPeerChannelFromMessage` with the chat it was seen in (https://core.telegram.org/api/min).
 */
export function inputPeerFromMessage(record: PeerRecord, chat: TlInputPeer, msgId: number): TlInputPeer | null {
  if (record.kind === "user") return { _: "inputPeerUserFromMessage", peer: chat, msgId: msgId, userId: record.id };
  if (record.kind === "channel")
    return { _: "inputPeerChannelFromMessage", peer: chat, msgId: msgId, channelId: record.id };
  return null;
}

/** InputPeer -> InputUser, for methods that take a user (https://core.telegram.org/type/InputUser). */
export function toInputUser(peer: TlInputPeer): TlInputUser {
  switch (peer._) {
    case "inputPeerSelf":
      return { _: "inputUserSelf" };
    case "inputPeerUser":
      return { _: "inputUser", userId: peer.userId, accessHash: peer.accessHash };
    case "inputPeerUserFromMessage":
      return { _: "inputUserFromMessage", peer: peer.peer, msgId: peer.msgId, userId: peer.userId };
    default:
      throw new PeerKindError("user", peer._);
  }
}

/** InputPeer -> InputChannel, for channels.* methods (https://core.telegram.org/type/InputChannel). */
export function toInputChannel(peer: TlInputPeer): TlInputChannel {
  switch (peer._) {
    case "inputPeerChannel":
      return { _: "inputChannel", channelId: peer.channelId, accessHash: peer.accessHash };
    case "inputPeerChannelFromMessage":
      return { _: "inputChannelFromMessage", peer: peer.peer, msgId: peer.msgId, channelId: peer.channelId };
    default:
      throw new PeerKindError("channel", peer._);
  }
}
