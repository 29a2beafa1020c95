import type {
  RawDocument,
  RawMessage,
  RawMessageMediaDocument,
  RawMessageMediaPhoto,
  RawPhoto,
  TypeInputFileLocation,
  TypeMessageMedia,
} from "@mtkit/tl-core/api";
import { peerId, type Message } from "../../messages/message.js";

/**
 * What can be downloaded: a message (high-level or TL) with a document or photo, its media, the
 * document or photo itself, a location (with its DC and size when known). A message is the best
 * target: when its file reference expires the message is fetched again for a fresh one.
 */
export type DownloadTarget =
  | Message
  | RawMessage
  | RawMessageMediaDocument
  | RawMessageMediaPhoto
  | RawDocument
  | RawPhoto
  | TypeInputFileLocation
  | { readonly location: TypeInputFileLocation; readonly dcId?: number; readonly size?: number };

/** The message a file came from: fetching it again gives a fresh file reference (https://core.telegram.org/api/file_reference). */
export interface TargetOrigin {
  /** Marked chat id (Bot API style). */
  readonly chatId: number;
  readonly messageId: number;
}

/** A target reduced to what the transfer needs. `size` is the server's claim: a bound and a progress total, never a buffer size. */
export interface ResolvedTarget {
  readonly location: TypeInputFileLocation;
  readonly dcId: number | undefined;
  readonly size: number | undefined;
  readonly origin: TargetOrigin | undefined;
}

export function resolveTarget(target: DownloadTarget): ResolvedTarget {
  if ("location" in target)
    return { location: target.location, dcId: target.dcId, size: target.size, origin: undefined };
  if ("raw" in target) {
    if (target.raw._ !== "message") throw new TypeError("a service message has no file to download");
    return resolveTarget(target.raw);
  }
  switch (target._) {
    case "message": {
      const media = target.media;
      if (media === undefined) throw new TypeError("the message has no media to download");
      const resolved = resolveMedia(media);
      return { ...resolved, origin: { chatId: peerId(target.peerId), messageId: target.id } };
    }
    case "messageMediaDocument":
    case "messageMediaPhoto":
      return resolveMedia(target);
    case "document":
      return documentTarget(target);
    case "photo":
      return photoTarget(target);
    default:
      return { location: target, dcId: undefined, size: undefined, origin: undefined };
  }
}

/** The location of the same file in a message fetched again (its reference is the fresh one). */
export function refreshedLocation(
  media: TypeMessageMedia | undefined,
  stale: TypeInputFileLocation,
): TypeInputFileLocation | undefined {
  if (media === undefined || (media._ !== "messageMediaDocument" && media._ !== "messageMediaPhoto")) return undefined;
  const fresh = resolveMedia(media).location;
  const sameFile =
    "id" in fresh &&
    "id" in stale &&
    fresh._ === stale._ &&
    fresh.id === stale.id &&
    fresh.accessHash === stale.accessHash;
  return sameFile ? fresh : undefined;
}

function resolveMedia(media: TypeMessageMedia): ResolvedTarget {
  if (media._ === "messageMediaDocument") {
    if (media.document?._ !== "document") throw new TypeError("the message media has no document to download");
    return documentTarget(media.document);
  }
  if (media._ === "messageMediaPhoto") {
    if (media.photo?._ !== "photo") throw new TypeError("the message media has no photo to download");
    return photoTarget(media.photo);
  }
  throw new TypeError(`${media._} has no file to download`);
}

function documentTarget(document: RawDocument): ResolvedTarget {
  return {
    location: {
      _: "inputDocumentFileLocation",
      id: document.id,
      accessHash: document.accessHash,
      fileReference: document.fileReference,
      thumbSize: "",
    },
    dcId: document.dcId,
    size: Number(document.size),
    origin: undefined,
  };
}

/** The largest size of a photo (https://core.telegram.org/api/files#image-thumbnail-types). */
function photoTarget(photo: RawPhoto): ResolvedTarget {
  let best: { type: string; area: number; size: number | undefined } | undefined;
  for (const size of photo.sizes) {
    if (size._ !== "photoSize" && size._ !== "photoSizeProgressive") continue;
    const bytes = size._ === "photoSize" ? size.size : size.sizes.at(-1);
    const area = size.w * size.h;
    if (best === undefined || area > best.area || (area === best.area && (bytes ?? 0) > (best.size ?? 0)))
      best = { type: size.type, area, size: bytes };
  }
  if (best === undefined) throw new TypeError("the photo has no downloadable size");
  return {
    location: {
      _: "inputPhotoFileLocation",
      id: photo.id,
      accessHash: photo.accessHash,
      fileReference: photo.fileReference,
      thumbSize: best.type,
    },
    dcId: photo.dcId,
    size: best.size,
    origin: undefined,
  };
}
