import type { TypeMessageEntity } from "@mtkit/tl-core/api";
import { withSignal, type ClientContext } from "../../messages/context.js";
import type { Message } from "../../messages/message.js";
import { resolveMentions } from "../../messages/resolve-mentions.js";
import { replyToHeader } from "../../messages/send-text.js";
import { sentMessagesFromUpdates } from "../../messages/sent-messages.js";
import { UnexpectedAnswerError } from "../../messages/unexpected-answer-error.js";
import type { PeerRef } from "../../peers/parse-peer-ref.js";
import type { InputText } from "../../text/text-with-entities.js";
import { toTextWithEntities, type ParseMode } from "../../text/to-text-with-entities.js";
import type { FileClient } from "../file-client.js";
import type { UploadFileOptions } from "../upload/upload-file.js";
import { uploadedMedia, type MediaOptions, type SendFileSource } from "./uploaded-media.js";

export type { SendFileSource } from "./uploaded-media.js";

/** A caption: text under the file (at most 1024 characters). */
export interface CaptionOptions {
  /** A plain string is sent as written unless `parseMode`. */
  readonly caption?: InputText;
  readonly parseMode?: ParseMode;
  /** Added to the caption's own entities. */
  readonly entities?: readonly TypeMessageEntity[];
}

export interface SendFileOptions
  extends Omit<UploadFileOptions, "fileName" | "mimeType">, MediaOptions, CaptionOptions {
  readonly replyTo?: number;
  readonly silent?: boolean;
}

/**
 * Uploads the file (parts in parallel over the media connections) and its thumbnail, and sends it with
 * messages.sendMedia (https://core.telegram.org/method/messages.sendMedia): JPEG, PNG and WebP
 * images up to 10 MB as a photo, everything else as a document with its file name and the video,
 * audio and image-size attributes given. Returns the message as the server stored it (its
 * `raw.media` holds the document or photo).
 */
export async function sendFile(
  ctx: ClientContext,
  files: FileClient,
  peer: PeerRef,
  source: SendFileSource,
  options: SendFileOptions = {},
): Promise<Message> {
  // The peer first: an unknown peer fails before a single byte is uploaded.
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const caption = toTextWithEntities(options.caption ?? "", options.parseMode, options.entities);
  const entities = await resolveMentions(ctx, caption.entities, options.signal);
  const media = await uploadedMedia(files, source, options);
  const randomId = ctx.randomId();
  const answer = await ctx.invoke(
    {
      _: "messages.sendMedia",
      peer: inputPeer,
      media,
      message: caption.text,
      randomId,
      silent: options.silent === true,
      replyTo: replyToHeader(options.replyTo),
      entities: entities.length === 0 ? undefined : entities,
    },
    withSignal(options.signal),
  );
  const [message] = sentMessagesFromUpdates(answer, [randomId], "messages.sendMedia", await ctx.selfId());
  if (message === undefined) throw new UnexpectedAnswerError("messages.sendMedia", "no message in the answer");
  return message;
}
