import type { TypeDocumentAttribute } from "@mtkit/tl-core/api";
import { SendMediaError } from "./send-media-error.js";

/** A video's attributes (https://core.telegram.org/constructor/documentAttributeVideo). */
export interface VideoAttributes {
  /** Seconds (fractions allowed). */
  readonly duration: number;
  readonly w: number;
  readonly h: number;
  /** The video can be played while it downloads (moov atom first). */
  readonly supportsStreaming?: boolean;
  /** A round video message ("video note"). */
  readonly roundMessage?: boolean;
}

/** An audio file's or voice message's attributes (https://core.telegram.org/constructor/documentAttributeAudio). */
export interface AudioAttributes {
  /** Whole seconds. */
  readonly duration: number;
  readonly title?: string;
  readonly performer?: string;
  /** A voice message rather than a music file. */
  readonly voice?: boolean;
  /** A voice message's waveform (5-bit values packed, as Telegram apps send it). */
  readonly waveform?: Uint8Array;
}

/** What a document says about itself besides its bytes; every field optional. */
export interface DocumentAttributeOptions {
  readonly video?: VideoAttributes;
  readonly audio?: AudioAttributes;
  /** An image's width and height in pixels (https://core.telegram.org/constructor/documentAttributeImageSize). */
  readonly imageSize?: { readonly w: number; readonly h: number };
}

const MAX_INT = 0x7fff_ffff;

/**
 * The document's attributes: the file name first, then image size, video and audio as given
 * (https://core.telegram.org/api/files#sending-documents). Checked here, so bad values fail before
 * anything is uploaded.
 */
export function documentAttributes(
  fileName: string,
  options: DocumentAttributeOptions,
  item?: number,
): TypeDocumentAttribute[] {
  const bad = (what: string): SendMediaError => new SendMediaError("BAD_ATTRIBUTES", what, item);
  const attributes: TypeDocumentAttribute[] = [{ _: "documentAttributeFilename", fileName }];
  const { video, audio, imageSize } = options;
  if (video !== undefined && audio !== undefined) throw bad("a document is a video or an audio file, not both");
  if (imageSize !== undefined) {
    checkPixels(imageSize.w, imageSize.h, "imageSize", bad);
    attributes.push({ _: "documentAttributeImageSize", w: imageSize.w, h: imageSize.h });
  }
  if (video !== undefined) {
    checkPixels(video.w, video.h, "video", bad);
    if (!Number.isFinite(video.duration) || video.duration < 0) throw bad("video.duration must be seconds >= 0");
    attributes.push({
      _: "documentAttributeVideo",
      duration: video.duration,
      w: video.w,
      h: video.h,
      supportsStreaming: video.supportsStreaming === true,
      roundMessage: video.roundMessage === true,
    });
  }
  if (audio !== undefined) {
    if (!Number.isInteger(audio.duration) || audio.duration < 0 || audio.duration > MAX_INT)
      throw bad("audio.duration must be whole seconds >= 0");
    attributes.push({
      _: "documentAttributeAudio",
      duration: audio.duration,
      voice: audio.voice === true,
      title: audio.title,
      performer: audio.performer,
      waveform: audio.waveform,
    });
  }
  return attributes;
}

function checkPixels(w: number, h: number, what: string, bad: (what: string) => SendMediaError): void {
  const ok = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= MAX_INT;
  if (!ok(w) || !ok(h)) throw bad(`${what}.w and ${what}.h must be whole pixels >= 0`);
}
