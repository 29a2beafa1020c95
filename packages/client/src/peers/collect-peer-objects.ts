import type { MinPeerContext, PeerKind } from "../storage/types.js";
import { isTlPeerObject, type TlPeer, type TlPeerObject } from "./tl-peer-types.js";

// Responses are trees a few levels deep (updates -> updates[] -> message -> ...); 32 is far beyond
// any real one and keeps a hostile or cyclic object from exhausting the stack.
const MAX_DEPTH = 32;

export interface CollectedPeers {
  /** Every user, chat and channel object, in document order. */
  readonly peers: readonly TlPeerObject[];
  /** "kind:id" -> the last message that names that peer as sender or forward source. */
  readonly sightings: ReadonlyMap<string, MinPeerContext>;
}

function peerOf(value: unknown): { kind: PeerKind; id: bigint } | null {
  if (typeof value !== "object" || value === null) return null;
  const peer = value as Partial<Record<"userId" | "chatId" | "channelId", unknown>> & { _?: unknown };
  const tag = peer._ as TlPeer["_"] | undefined;
  if (tag === "peerUser" && typeof peer.userId === "bigint") return { kind: "user", id: peer.userId };
  if (tag === "peerChat" && typeof peer.chatId === "bigint") return { kind: "chat", id: peer.chatId };
  if (tag === "peerChannel" && typeof peer.channelId === "bigint") return { kind: "channel", id: peer.channelId };
  return null;
}

/**
 * Remembers, for a message, which chat and message id mention its sender and forward source:
 * that is the context a `min` peer must be addressed by (https://core.telegram.org/api/min).
 */
function noteSightings(message: Record<string, unknown>, sightings: Map<string, MinPeerContext>): void {
  const chat = peerOf(message.peerId);
  if (chat === null || typeof message.id !== "number") return;
  const context: MinPeerContext = { chatKind: chat.kind, chatId: chat.id, msgId: message.id };
  const forward = message.fwdFrom as Record<string, unknown> | undefined;
  for (const mentioned of [peerOf(message.fromId), peerOf(forward?.fromId)]) {
    if (mentioned !== null) sightings.set(`${mentioned.kind}:${mentioned.id}`, context);
  }
}

/** What one walk found; allocated only when it finds something (most answers name no peer). */
interface Found {
  peers: TlPeerObject[] | undefined;
  sightings: Map<string, MinPeerContext> | undefined;
}

function visit(value: unknown, depth: number, found: Found): void {
  if (depth > MAX_DEPTH || typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) visit(item, depth + 1, found);
    return;
  }
  if (isTlPeerObject(value)) {
    (found.peers ??= []).push(value);
    return;
  }
  const object = value as Record<string, unknown>;
  if (object._ === "message" || object._ === "messageService")
    noteSightings(object, (found.sightings ??= new Map<string, MinPeerContext>()));
  for (const key in object) visit(object[key], depth + 1, found);
}

/**
 * Updates constructors that hold no user, chat or channel object and no `message` (only ids):
 * https://core.telegram.org/constructor/updateShortMessage and its kin. Most pushes are one of
 * them, so they skip the walk.
 */
const SHORT_FORMS: ReadonlySet<unknown> = new Set([
  "updateShortMessage",
  "updateShortChatMessage",
  "updateShortSentMessage",
  "updatesTooLong",
]);

function isShortForm(value: unknown): boolean {
  return typeof value === "object" && value !== null && SHORT_FORMS.has((value as { readonly _?: unknown })._);
}

const NO_PEERS: readonly TlPeerObject[] = [];
const NO_SIGHTINGS: ReadonlyMap<string, MinPeerContext> = new Map();

/**
 * Finds every user, chat and channel object in an API response (`users`/`chats` vectors of
 * messages.*, updates*, contacts.resolvedPeer, ... and any nested one), plus message contexts.
 * Runs on every answer, so a walk that finds nothing allocates nothing but its small state.
 */
export function collectPeerObjects(response: unknown): CollectedPeers {
  if (isShortForm(response)) return { peers: NO_PEERS, sightings: NO_SIGHTINGS };
  const found: Found = { peers: undefined, sightings: undefined };
  visit(response, 0, found);
  return { peers: found.peers ?? NO_PEERS, sightings: found.sightings ?? NO_SIGHTINGS };
}
