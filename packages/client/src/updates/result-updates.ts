import type { TypeUpdates } from "@mtkit/tl-core/api";

/**
 * What a call's result means for the updates engine: an `Updates` object to apply, or a box moved
 * by messages.affectedMessages / affectedHistory / affectedFoundMessages
 * (https://core.telegram.org/api/updates#event-sequences), or nothing (most results).
 */
export type ResultUpdates =
  | { readonly kind: "updates"; readonly updates: TypeUpdates }
  | { readonly kind: "affected"; readonly pts: number; readonly count: number; readonly channelId: bigint | undefined };

const UPDATES_CONSTRUCTORS: ReadonlySet<string> = new Set<TypeUpdates["_"]>([
  "updatesTooLong",
  "updateShortMessage",
  "updateShortChatMessage",
  "updateShort",
  "updatesCombined",
  "updates",
  "updateShortSentMessage",
]);

const AFFECTED_CONSTRUCTORS: ReadonlySet<string> = new Set([
  "messages.affectedMessages",
  "messages.affectedHistory",
  "messages.affectedFoundMessages",
]);

interface Tagged {
  readonly _?: unknown;
}

/** One Set lookup for the common case (a result that carries no updates). */
export function resultUpdates(result: unknown, request: unknown): ResultUpdates | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const name = (result as Tagged)._;
  if (typeof name !== "string") return undefined;
  if (UPDATES_CONSTRUCTORS.has(name)) return { kind: "updates", updates: result as TypeUpdates };
  if (!AFFECTED_CONSTRUCTORS.has(name)) return undefined;
  const affected = result as { readonly pts?: unknown; readonly ptsCount?: unknown };
  if (typeof affected.pts !== "number" || typeof affected.ptsCount !== "number") return undefined;
  return { kind: "affected", pts: affected.pts, count: affected.ptsCount, channelId: channelOfRequest(request) };
}

/** Whether the push is an `Updates` constructor at all. */
export function isUpdatesObject(object: unknown): object is TypeUpdates {
  return typeof object === "object" && object !== null && UPDATES_CONSTRUCTORS.has((object as Tagged)._ as string);
}

/**
 * Channel methods (channels.deleteMessages, deleteParticipantHistory; messages.* on a channel peer
 * such as readMentions or unpinAllMessages) answer with the channel's pts, not the account's.
 */
function channelOfRequest(request: unknown): bigint | undefined {
  if (typeof request !== "object" || request === null) return undefined;
  const fields = request as { readonly channel?: unknown; readonly peer?: unknown };
  return channelIdOf(fields.channel) ?? channelIdOf(fields.peer);
}

function channelIdOf(input: unknown): bigint | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const tagged = input as { readonly _?: unknown; readonly channelId?: unknown };
  const isChannel =
    tagged._ === "inputChannel" ||
    tagged._ === "inputChannelFromMessage" ||
    tagged._ === "inputPeerChannel" ||
    tagged._ === "inputPeerChannelFromMessage";
  return isChannel && typeof tagged.channelId === "bigint" ? tagged.channelId : undefined;
}
