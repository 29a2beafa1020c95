import type { TypeDocumentAttribute, TypeInputMedia } from "@mtkit/tl-core/api";
import type { FileClient } from "../file-client.js";
import { uploadFile, type UploadedFile, type UploadFileOptions } from "../upload/upload-file.js";
import type { UploadSource } from "../upload/upload-source.js";
import { documentAttributes, type DocumentAttributeOptions } from "./document-attributes.js";
import { DEFAULT_MIME_TYPE, isPhotoType, MAX_PHOTO_BYTES, mimeTypeOf } from "./media-type.js";
import { SendMediaError } from "./send-media-error.js";

/** What `sendFile` sends: bytes to upload (any upload source), or a file `uploadFile` already put up. */
export type SendFileSource = UploadSource | UploadedFile;

/** How one file is sent: its name, type, thumbnail and attributes. */
export interface MediaOptions extends DocumentAttributeOptions {
  /** Default: the source's own name (a path, a File), else "file". */
  readonly fileName?: string;
  /** Default: from the file name's extension, else application/octet-stream. */
  readonly mimeType?: string;
  /** Send a JPEG/PNG/WebP image as a document (the file as is), not as a photo. */
  readonly forceDocument?: boolean;
  /**
   * A document's thumbnail (JPEG, at most 320 px a side and 200 KB), uploaded with the file; ignored
   * when the file goes as a photo (Telegram makes a photo's sizes itself).
   */
  readonly thumb?: SendFileSource;
}

/** Telegram's thumbnail limit (https://core.telegram.org/constructor/inputMediaUploadedDocument). */
export const MAX_THUMB_BYTES = 200 * 1024;

/**
 * Checks the options, uploads the thumbnail (first: it is small and may be refused) and the file, and
 * says how to send them: JPEG, PNG and WebP images up to 10 MB as a photo (unless `forceDocument`, a
 * video or an audio attribute), everything else as a document with its attributes
 * (https://core.telegram.org/api/files#sending-documents).
 */
export async function uploadedMedia(
  files: FileClient,
  source: SendFileSource,
  options: MediaOptions & Omit<UploadFileOptions, "fileName" | "mimeType">,
  item?: number,
): Promise<TypeInputMedia> {
  // Attributes depend only on options: check them before a byte goes up.
  const attributesFor = (fileName: string): TypeDocumentAttribute[] => documentAttributes(fileName, options, item);
  attributesFor(options.fileName ?? "file");
  const { thumb: thumbSource, ...uploadOptions } = options;
  const thumbSize = thumbSource === undefined ? undefined : knownSize(thumbSource);
  if (thumbSize !== undefined && thumbSize > MAX_THUMB_BYTES)
    throw new SendMediaError("BAD_THUMB", `${String(thumbSize)} bytes, over ${String(MAX_THUMB_BYTES)}`, item);
  const thumb =
    thumbSource === undefined
      ? undefined
      : await upload(files, thumbSource, options.signal === undefined ? {} : { signal: options.signal });
  if (thumb !== undefined && thumb.size > MAX_THUMB_BYTES)
    throw new SendMediaError("BAD_THUMB", `${String(thumb.size)} bytes, over ${String(MAX_THUMB_BYTES)}`, item);
  const uploaded = await upload(files, source, uploadOptions);
  const fileName = options.fileName ?? uploaded.fileName;
  const mimeType =
    options.mimeType ?? (uploaded.mimeType === DEFAULT_MIME_TYPE ? mimeTypeOf(fileName) : uploaded.mimeType);
  const documentOnly = options.forceDocument === true || options.video !== undefined || options.audio !== undefined;
  if (!documentOnly && isPhotoType(mimeType) && uploaded.size <= MAX_PHOTO_BYTES)
    return { _: "inputMediaUploadedPhoto", file: uploaded.inputFile };
  return {
    _: "inputMediaUploadedDocument",
    file: uploaded.inputFile,
    ...(thumb === undefined ? {} : { thumb: thumb.inputFile }),
    mimeType,
    attributes: attributesFor(fileName),
    ...(options.forceDocument === true ? { forceFile: true } : {}),
  };
}

async function upload(files: FileClient, source: SendFileSource, options: UploadFileOptions): Promise<UploadedFile> {
  return isUploaded(source) ? source : uploadFile(files, source, options);
}

/** The size of a source that says it without being read (bytes, a Blob, an uploaded file). */
function knownSize(source: SendFileSource): number | undefined {
  if (source instanceof Uint8Array) return source.length;
  if (typeof Blob !== "undefined" && source instanceof Blob) return source.size;
  return isUploaded(source) ? source.size : undefined;
}

export function isUploaded(source: SendFileSource): source is UploadedFile {
  return typeof source === "object" && "inputFile" in source && "fileName" in source;
}
