/**
 * The slice of the generated API schema (`@mtkit/tl-core/api`, layer 228) the peer cache reads and
 * writes. Type-only imports: nothing of the 2,400-constructor registry is loaded at run time.
 */
import type {
  RawChannel,
  RawChannelForbidden,
  RawChat,
  RawChatForbidden,
  RawCommunity,
  RawCommunityForbidden,
  RawUser,
  TypeInputChannel,
  TypeInputPeer,
  TypeInputUser,
  TypePeer,
} from "@mtkit/tl-core/api";

/**
 * Objects that describe a peer we can address. `community` / `communityForbidden` (layer 228) are
 * addressed with InputChannel (communities.togglePeerLink), so the cache files them as channels.
 */
export type TlPeerObject =
  RawUser | RawChat | RawChatForbidden | RawChannel | RawChannelForbidden | RawCommunity | RawCommunityForbidden;
export type TlPeer = TypePeer;
export type TlInputPeer = TypeInputPeer;
export type TlInputUser = TypeInputUser;
export type TlInputChannel = TypeInputChannel;

const PEER_OBJECT_NAMES = new Set([
  "user",
  "chat",
  "chatForbidden",
  "channel",
  "channelForbidden",
  "community",
  "communityForbidden",
]);

export function isTlPeerObject(value: unknown): value is TlPeerObject {
  if (typeof value !== "object" || value === null) return false;
  const tag = (value as { _?: unknown })._;
  return typeof tag === "string" && PEER_OBJECT_NAMES.has(tag) && typeof (value as { id?: unknown }).id === "bigint";
}
