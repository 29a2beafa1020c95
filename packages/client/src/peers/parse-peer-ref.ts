import { unmarkPeerId } from "./marked-peer-id.js";
import { PeerNotFoundError } from "./peer-not-found-error.js";
import type { PeerKind } from "../storage/types.js";
import type { TlInputChannel, TlInputPeer, TlInputUser, TlPeer, TlPeerObject } from "./tl-peer-types.js";
import { isTlPeerObject } from "./tl-peer-types.js";

/**
 * Anything a method accepts as a peer: a Bot API (marked) id, `"me"`, `"@username"`, `"t.me/username"`,
 * `"+phone"`, a `Peer`, an input peer/user/channel, or a user/chat/channel object.
 */
export type PeerRef = number | bigint | string | TlPeer | TlInputPeer | TlInputUser | TlInputChannel | TlPeerObject;

/** What to look up. */
export type PeerQuery =
  | { readonly by: "self" }
  | { readonly by: "id"; readonly kind: PeerKind; readonly id: bigint }
  | { readonly by: "username"; readonly username: string }
  | { readonly by: "phone"; readonly phone: string }
  | { readonly by: "input"; readonly input: TlInputPeer }
  | { readonly by: "object"; readonly object: TlPeerObject };

// https://core.telegram.org/api/usernames: letters, digits and underscores, starting with a letter.
const USERNAME = /^@?([a-z]\w{2,31})$/i;
const LINK = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([a-z]\w{2,31})\/?$/i;
const PHONE = /^\+[\d\s()-]{5,24}$/;
const MARKED_ID = /^-?\d{1,16}$/;

function invalid(text: string, why: string): PeerNotFoundError {
  return new PeerNotFoundError(text, [{ source: "input", lookup: "object", detail: why, outcome: "invalid" }]);
}

function fromInput(ref: TlInputPeer | TlInputUser | TlInputChannel): PeerQuery {
  switch (ref._) {
    case "inputPeerSelf":
    case "inputUserSelf":
      return { by: "self" };
    case "inputPeerEmpty":
    case "inputUserEmpty":
    case "inputChannelEmpty":
      throw invalid(ref._, "an empty input peer names nobody");
    case "inputUser":
      return { by: "input", input: { _: "inputPeerUser", userId: ref.userId, accessHash: ref.accessHash } };
    case "inputChannel":
      return { by: "input", input: { _: "inputPeerChannel", channelId: ref.channelId, accessHash: ref.accessHash } };
    case "inputUserFromMessage":
      return { by: "input", input: { ...ref, _: "inputPeerUserFromMessage" } };
    case "inputChannelFromMessage":
      return { by: "input", input: { ...ref, _: "inputPeerChannelFromMessage" } };
    default:
      return { by: "input", input: ref };
  }
}

/** Parses what the user passed; throws `PeerNotFoundError` (outcome `invalid`) for text that names no peer. */
export function parsePeerRef(ref: PeerRef): PeerQuery {
  if (typeof ref === "number") {
    if (!Number.isSafeInteger(ref)) throw invalid(String(ref), "a peer id must be a safe integer");
    return { by: "id", ...unmarkPeerId(BigInt(ref)) };
  }
  if (typeof ref === "bigint") return { by: "id", ...unmarkPeerId(ref) };
  if (typeof ref === "string") {
    const text = ref.trim();
    if (text === "me" || text === "self") return { by: "self" };
    if (MARKED_ID.test(text)) return { by: "id", ...unmarkPeerId(BigInt(text)) };
    const username = USERNAME.exec(text) ?? LINK.exec(text);
    if (username !== null) return { by: "username", username: (username[1] ?? "").toLowerCase() };
    if (PHONE.test(text)) return { by: "phone", phone: text.replace(/\D/g, "") };
    throw invalid(JSON.stringify(text.slice(0, 64)), "not an id, @username, t.me link or +phone");
  }
  if (isTlPeerObject(ref)) return { by: "object", object: ref };
  switch (ref._) {
    case "peerUser":
      return { by: "id", kind: "user", id: ref.userId };
    case "peerChat":
      return { by: "id", kind: "chat", id: ref.chatId };
    case "peerChannel":
      return { by: "id", kind: "channel", id: ref.channelId };
    default:
      return fromInput(ref);
  }
}

export function describePeerQuery(query: PeerQuery): string {
  switch (query.by) {
    case "self":
      return "me";
    case "id":
      return `${query.kind} ${query.id}`;
    case "username":
      return `@${query.username}`;
    case "phone":
      return `+${query.phone}`;
    case "input":
      return query.input._;
    case "object":
      return `${query.object._} ${query.object.id}`;
  }
}
