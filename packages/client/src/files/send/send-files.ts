import type { RawInputSingleMedia, TypeInputMedia, TypeMessageMedia } from "@mtkit/tl-core/api";
import { withSignal, type ClientContext } from "../../messages/context.js";
import type { Message } from "../../messages/message.js";
import { resolveMentions } from "../../messages/resolve-mentions.js";
import { replyToHeader } from "../../messages/send-text.js";
import { sentMessagesFromUpdates } from "../../messages/sent-messages.js";
import { UnexpectedAnswerError } from "../../messages/unexpected-answer-error.js";
import type { PeerRef } from "../../peers/parse-peer-ref.js";
import { toTextWithEntities } from "../../text/to-text-with-entities.js";
import type { FileClient, ProgressCallback } from "../file-client.js";
import type { UploadFileOptions } from "../upload/upload-file.js";
import type { CaptionOptions } from "./send-file.js";
import { SendMediaError } from "./send-media-error.js";
import { uploadedMedia, type MediaOptions, type SendFileSource } from "./uploaded-media.js";

/** One file of an album with its own caption, name, thumbnail and attributes. */
export interface AlbumItem extends MediaOptions, CaptionOptions {
  readonly file: SendFileSource;
  /** Size of a stream source, when known. */
  readonly size?: number;
  readonly onProgress?: ProgressCallback;
}

export interface SendFilesOptions extends Pick<UploadFileOptions, "partSize" | "workers" | "signal"> {
  readonly replyTo?: number;
  readonly silent?: boolean;
}

/** An album has 1 to 10 items (https://core.telegram.org/api/files#albums-grouped-media). */
export const MAX_ALBUM_ITEMS = 10;

/**
 * Sends files as one album: each is uploaded (one after the other, each in parallel parts), put up
 * with messages.uploadMedia, then all go in one messages.sendMultiMedia
 * (https://core.telegram.org/method/messages.sendMultiMedia), so the messages share a grouped_id.
 * Returns the messages in the order given. Photos and videos mix; documents and audio each group
 * with their own kind (the server refuses other mixes).
 */
export async function sendFiles(
  ctx: ClientContext,
  files: FileClient,
  peer: PeerRef,
  items: readonly (SendFileSource | AlbumItem)[],
  options: SendFilesOptions = {},
): Promise<Message[]> {
  if (items.length === 0 || items.length > MAX_ALBUM_ITEMS)
    throw new SendMediaError(
      "BAD_ALBUM",
      `${String(items.length)} items: an album has 1 to ${String(MAX_ALBUM_ITEMS)}`,
    );
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const shared = {
    ...(options.partSize === undefined ? {} : { partSize: options.partSize }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const singles: RawInputSingleMedia[] = [];
  for (const [index, entry] of items.entries()) {
    const { file, caption: captionInput, parseMode, entities: extra, ...media } = albumItem(entry);
    const caption = toTextWithEntities(captionInput ?? "", parseMode, extra);
    const entities = await resolveMentions(ctx, caption.entities, options.signal);
    const uploaded = await uploadedMedia(files, file, { ...media, ...shared }, index);
    const stored = await ctx.invoke(
      { _: "messages.uploadMedia", peer: inputPeer, media: uploaded },
      withSignal(options.signal),
    );
    singles.push({
      _: "inputSingleMedia",
      media: sentMediaOf(stored, index),
      randomId: ctx.randomId(),
      message: caption.text,
      entities: entities.length === 0 ? undefined : entities,
    });
  }
  const randomIds = singles.map((single) => single.randomId);
  const answer = await ctx.invoke(
    {
      _: "messages.sendMultiMedia",
      peer: inputPeer,
      multiMedia: singles,
      silent: options.silent === true,
      replyTo: replyToHeader(options.replyTo),
    },
    withSignal(options.signal),
  );
  const messages = sentMessagesFromUpdates(answer, randomIds, "messages.sendMultiMedia", await ctx.selfId());
  if (messages.length !== singles.length)
    throw new UnexpectedAnswerError(
      "messages.sendMultiMedia",
      `${String(messages.length)} messages for ${String(singles.length)} items`,
    );
  return messages;
}

function albumItem(entry: SendFileSource | AlbumItem): AlbumItem {
  const isItem =
    typeof entry === "object" &&
    "file" in entry &&
    !(entry instanceof Uint8Array) &&
    !(Symbol.asyncIterator in entry) &&
    !(Symbol.iterator in entry);
  return isItem ? entry : { file: entry };
}

/** The stored file messages.uploadMedia answered, as the InputMedia that names it. */
function sentMediaOf(media: TypeMessageMedia, index: number): TypeInputMedia {
  if (media._ === "messageMediaPhoto" && media.photo?._ === "photo") {
    const { id, accessHash, fileReference } = media.photo;
    return { _: "inputMediaPhoto", id: { _: "inputPhoto", id, accessHash, fileReference } };
  }
  if (media._ === "messageMediaDocument" && media.document?._ === "document") {
    const { id, accessHash, fileReference } = media.document;
    return { _: "inputMediaDocument", id: { _: "inputDocument", id, accessHash, fileReference } };
  }
  throw new UnexpectedAnswerError("messages.uploadMedia", `item ${String(index)}: ${media._} names no stored file`);
}
