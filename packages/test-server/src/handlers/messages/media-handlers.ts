import type { RpcContext } from "../../api/rpc-context.js";
import { RpcError } from "../../api/rpc-error.js";
import type { TypeChat, TypeInputMedia, TypeMessageMedia, TypeUpdate, TypeUpdates, TypeUser } from "@mtkit/tl-core/api";
import type { MessageDraft } from "../../world/message-draft.js";
import { act, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolvePeer } from "../input-peers.js";
import { replyToId, sendDraft } from "./send-handlers.js";

/** Captions are at most 1024 characters (https://core.telegram.org/api/config#caption-length-max). */
const MAX_CAPTION = 1024;
/** An album has at most 10 items (https://core.telegram.org/api/files#albums-grouped-media). */
const MAX_ALBUM = 10;

/**
 * messages.sendMedia and messages.sendMultiMedia (https://core.telegram.org/method/messages.sendMedia):
 * a message with a document or photo, answered and pushed like a text message but always in the full
 * `updates` form (short updates carry no media).
 */
export function registerMediaHandlers(deps: HandlerDeps): void {
  deps.server.handle("messages.sendMedia", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolvePeer(deps, self, request.peer);
    checkCaption(request.message);
    const draft: MessageDraft = {
      text: request.message,
      entities: request.entities,
      media: messageMedia(deps, request.media, ctx),
      replyMarkup: request.replyMarkup,
      replyToId: replyToId(request.replyTo),
      silent: request.silent,
      randomId: request.randomId,
    };
    return sendDraft(deps, ctx, self, peer, draft, false);
  });
  deps.server.handle("messages.sendMultiMedia", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolvePeer(deps, self, request.peer);
    if (request.multiMedia.length === 0 || request.multiMedia.length > MAX_ALBUM)
      throw new RpcError(400, "MULTI_MEDIA_TOO_LONG");
    for (const single of request.multiMedia) checkCaption(single.message);
    // Every item is checked and stored before the first message exists, so a bad item sends nothing.
    // More than one item is an album: every message carries the same grouped_id.
    const groupedId = request.multiMedia.length > 1 ? randomGroupedId(deps) : undefined;
    const drafts = request.multiMedia.map((single): MessageDraft => ({
      text: single.message,
      entities: single.entities,
      media: messageMedia(deps, single.media, ctx),
      replyToId: replyToId(request.replyTo),
      silent: request.silent,
      randomId: single.randomId,
      groupedId,
    }));
    const answers = drafts.map((draft) => sendDraft(deps, ctx, self, peer, draft, false));
    return mergeUpdates(answers);
  });
}

function randomGroupedId(deps: HandlerDeps): bigint {
  const bytes = deps.crypto.randomFill(new Uint8Array(8));
  return new DataView(bytes.buffer).getBigInt64(0, true) & 0x7fff_ffff_ffff_ffffn;
}

function checkCaption(caption: string): void {
  if (caption.length > MAX_CAPTION) throw new RpcError(400, "MEDIA_CAPTION_TOO_LONG");
}

function messageMedia(deps: HandlerDeps, media: TypeInputMedia, ctx: RpcContext): TypeMessageMedia {
  const host = deps.media.host;
  if (host === undefined) throw new RpcError(400, "MEDIA_INVALID");
  return act(deps, ctx, () => host.messageMedia(media, ctx));
}

/** One `updates` with every item's updates, users and chats (each answer is the full form). */
function mergeUpdates(answers: readonly TypeUpdates[]): TypeUpdates {
  const updates: TypeUpdate[] = [];
  const users = new Map<bigint, TypeUser>();
  const chats = new Map<bigint, TypeChat>();
  let date = 0;
  for (const answer of answers) {
    if (answer._ !== "updates") continue;
    updates.push(...answer.updates);
    for (const user of answer.users) users.set(user.id, user);
    for (const chat of answer.chats) chats.set(chat.id, chat);
    date = Math.max(date, answer.date);
  }
  return { _: "updates", updates, users: [...users.values()], chats: [...chats.values()], date, seq: 0 };
}
