import type { TypeInputMedia, TypeMessageEntity } from "@mtkit/tl-core/api";
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
import { uploadFile, type UploadedFile, type UploadFileOptions } from "../upload/upload-file.js";
import type { UploadSource } from "../upload/upload-source.js";
import { DEFAULT_MIME_TYPE, isPhotoType, MAX_PHOTO_BYTES, mimeTypeOf } from "./media-type.js";

/** What `sendFile` sends: bytes to upload (any upload source), or a file `uploadFile` already put up. */
export type SendFileSource = UploadSource | UploadedFile;

export interface SendFileOptions extends Omit<UploadFileOptions, "fileName" | "mimeType"> {
  /** Text under the file (at most 1024 characters); a plain string is sent as written unless `parseMode`. */
  readonly caption?: InputText;
  readonly parseMode?: ParseMode;
  /** Added to the caption's own entities. */
  readonly entities?: readonly TypeMessageEntity[];
  /** Default: the source's own name (a path, a File), else "file". */
  readonly fileName?: string;
  /** Default: from the file name's extension, else application/octet-stream. */
  readonly mimeType?: string;
  /** Send a JPEG/PNG/WebP image as a document (the file as is), not as a photo. */
  readonly forceDocument?: boolean;
  readonly replyTo?: number;
  readonly silent?: boolean;
}

/**
 * Uploads the file (parts in parallel over the media connections) and sends it with
 * messages.sendMedia (https://core.telegram.org/method/messages.sendMedia): JPEG, PNG and WebP
 * images up to 10 MB as a photo, everything else as a document with its file name. Returns the
 * message as the server stored it (its `raw.media` holds the document or photo).
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
  const uploaded = isUploaded(source)
    ? source
    : await uploadFile(files, source, {
        ...options,
        ...(options.mimeType === undefined ? {} : { mimeType: options.mimeType }),
      });
  const fileName = options.fileName ?? uploaded.fileName;
  const mimeType =
    options.mimeType ?? (uploaded.mimeType === DEFAULT_MIME_TYPE ? mimeTypeOf(fileName) : uploaded.mimeType);
  const asPhoto = options.forceDocument !== true && isPhotoType(mimeType) && uploaded.size <= MAX_PHOTO_BYTES;
  const media: TypeInputMedia = asPhoto
    ? { _: "inputMediaUploadedPhoto", file: uploaded.inputFile }
    : {
        _: "inputMediaUploadedDocument",
        file: uploaded.inputFile,
        mimeType,
        attributes: [{ _: "documentAttributeFilename", fileName }],
        ...(options.forceDocument === true ? { forceFile: true } : {}),
      };
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

function isUploaded(source: SendFileSource): source is UploadedFile {
  return typeof source === "object" && "inputFile" in source && "fileName" in source;
}
