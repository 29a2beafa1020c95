/**
 * The end-to-end description of a secret chat's file (https://core.telegram.org/api/end-to-end#sending-encrypted-files):
 * decryptedMessageMediaDocument / Photo carry, inside the encrypted message, a small thumbnail (its
 * bytes and size: the spec's JPEG, quality 55, within 90x90) and, for documents, attributes (file
 * name, image size, video or audio duration). This file builds that media for sending and reads it
 * back into plain fields for the app.
 */
import type { TypeDecryptedMessageMedia, TypeDocumentAttribute } from "@mtkit/tl-core/secret";

/** A small picture shown before the file is downloaded; it travels inside the encrypted message. */
export interface SecretThumbnail {
  readonly bytes: Uint8Array;
  readonly w: number;
  readonly h: number;
}

/** What the receiver sees of a file before downloading it. */
export interface SecretMediaDescription {
  readonly kind: "document" | "photo";
  /** The plaintext size in bytes (what the download gives). */
  readonly size: number;
  readonly mimeType: string;
  readonly fileName: string | undefined;
  readonly caption: string;
  readonly thumbnail: SecretThumbnail | undefined;
  /** Pixels of a photo, an image document or a video. */
  readonly dimensions: { readonly w: number; readonly h: number } | undefined;
  /** Seconds of a video or audio. */
  readonly duration: number | undefined;
  readonly video: { readonly roundMessage: boolean } | undefined;
  readonly audio:
    { readonly voice: boolean; readonly title: string | undefined; readonly performer: string | undefined } | undefined;
}

export interface SecretMediaOptions {
  readonly fileName?: string;
  readonly mimeType?: string;
  readonly caption?: string;
  /** Send as a photo (decryptedMessageMediaPhoto) of this size in pixels instead of a document. */
  readonly photo?: { readonly w: number; readonly h: number };
  readonly thumbnail?: SecretThumbnail;
  /** A picture sent as a document: documentAttributeImageSize. */
  readonly imageSize?: { readonly w: number; readonly h: number };
  /** documentAttributeVideo (duration in seconds). */
  readonly video?: {
    readonly duration: number;
    readonly w: number;
    readonly h: number;
    readonly roundMessage?: boolean;
  };
  /** documentAttributeAudio (duration in seconds). */
  readonly audio?: {
    readonly duration: number;
    readonly voice?: boolean;
    readonly title?: string;
    readonly performer?: string;
  };
}

/**
 * The thumbnail rides in the encrypted message, whose whole size the server bounds (the test server
 * at 64 KiB); the spec's 90x90 JPEG is a few KiB, so 32 KiB leaves room for the caption.
 */
export const MAX_THUMBNAIL_BYTES = 32 * 1024;

function checkDimension(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 0x7fff_ffff)
    throw new RangeError(`${what} must be an integer from 0 to 2^31-1, got ${String(value)}`);
}

/** Throws a RangeError for options the message cannot carry (checked before any upload). */
export function checkMediaOptions(options: SecretMediaOptions): void {
  const thumb = options.thumbnail;
  if (thumb !== undefined) {
    if (thumb.bytes.length > MAX_THUMBNAIL_BYTES)
      throw new RangeError(`a thumbnail of ${thumb.bytes.length} bytes (at most ${MAX_THUMBNAIL_BYTES})`);
    checkDimension("thumbnail.w", thumb.w);
    checkDimension("thumbnail.h", thumb.h);
  }
  for (const [name, box] of [
    ["photo", options.photo],
    ["imageSize", options.imageSize],
    ["video", options.video],
  ] as const) {
    if (box === undefined) continue;
    checkDimension(`${name}.w`, box.w);
    checkDimension(`${name}.h`, box.h);
  }
  if (options.video !== undefined) checkDimension("video.duration", options.video.duration);
  if (options.audio !== undefined) checkDimension("audio.duration", options.audio.duration);
}

function documentAttributes(options: SecretMediaOptions, fileName: string): TypeDocumentAttribute[] {
  const attributes: TypeDocumentAttribute[] = [{ _: "documentAttributeFilename", fileName }];
  if (options.imageSize !== undefined) attributes.push({ _: "documentAttributeImageSize", ...options.imageSize });
  const video = options.video;
  if (video !== undefined) {
    attributes.push({
      _: "documentAttributeVideo",
      ...(video.roundMessage === true ? { roundMessage: true } : {}),
      duration: video.duration,
      w: video.w,
      h: video.h,
    });
  }
  const audio = options.audio;
  if (audio !== undefined) {
    attributes.push({
      _: "documentAttributeAudio",
      ...(audio.voice === true ? { voice: true } : {}),
      duration: audio.duration,
      ...(audio.title === undefined ? {} : { title: audio.title }),
      ...(audio.performer === undefined ? {} : { performer: audio.performer }),
    });
  }
  return attributes;
}

/** decryptedMessageMediaDocument (or Photo) for a file of `size` bytes encrypted with `key` and `iv`. */
export function buildSecretMedia(
  options: SecretMediaOptions,
  size: number,
  key: Uint8Array,
  iv: Uint8Array,
): TypeDecryptedMessageMedia {
  checkMediaOptions(options);
  const thumb = options.thumbnail;
  const common = {
    thumb: thumb?.bytes ?? new Uint8Array(0),
    thumbW: thumb?.w ?? 0,
    thumbH: thumb?.h ?? 0,
    key,
    iv,
  };
  const caption = options.caption ?? "";
  if (options.photo !== undefined)
    return { _: "decryptedMessageMediaPhoto", ...common, w: options.photo.w, h: options.photo.h, size, caption };
  return {
    _: "decryptedMessageMediaDocument",
    ...common,
    mimeType: options.mimeType ?? "application/octet-stream",
    size: BigInt(size),
    attributes: documentAttributes(options, options.fileName ?? "file"),
    caption,
  };
}

function thumbnailOf(media: { thumb: Uint8Array; thumbW: number; thumbH: number }): SecretThumbnail | undefined {
  return media.thumb.length === 0 ? undefined : { bytes: media.thumb, w: media.thumbW, h: media.thumbH };
}

/** The plain fields of a received document or photo; undefined for any other media. */
export function describeSecretMedia(media: TypeDecryptedMessageMedia | undefined): SecretMediaDescription | undefined {
  if (media?._ === "decryptedMessageMediaPhoto") {
    return {
      kind: "photo",
      size: media.size,
      mimeType: "image/jpeg",
      fileName: undefined,
      caption: media.caption,
      thumbnail: thumbnailOf(media),
      dimensions: { w: media.w, h: media.h },
      duration: undefined,
      video: undefined,
      audio: undefined,
    };
  }
  if (media?._ !== "decryptedMessageMediaDocument") return undefined;
  let fileName: string | undefined;
  let dimensions: SecretMediaDescription["dimensions"];
  let duration: number | undefined;
  let video: SecretMediaDescription["video"];
  let audio: SecretMediaDescription["audio"];
  for (const attribute of media.attributes) {
    if (attribute._ === "documentAttributeFilename") fileName = attribute.fileName;
    else if (attribute._ === "documentAttributeImageSize") dimensions = { w: attribute.w, h: attribute.h };
    else if (attribute._ === "documentAttributeVideo") {
      dimensions = { w: attribute.w, h: attribute.h };
      duration = attribute.duration;
      video = { roundMessage: attribute.roundMessage === true };
    } else if (attribute._ === "documentAttributeAudio") {
      duration = attribute.duration;
      audio = { voice: attribute.voice === true, title: attribute.title, performer: attribute.performer };
    }
  }
  return {
    kind: "document",
    size: Number(media.size),
    mimeType: media.mimeType,
    fileName,
    caption: media.caption,
    thumbnail: thumbnailOf(media),
    dimensions,
    duration,
    video,
    audio,
  };
}
