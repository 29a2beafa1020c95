/** MIME types by file extension, for a file sent without `mimeType` (what the recipient's app opens it with). */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  m4a: "audio/mp4",
  pdf: "application/pdf",
  zip: "application/zip",
  json: "application/json",
  txt: "text/plain",
  html: "text/html",
  csv: "text/csv",
};

export const DEFAULT_MIME_TYPE = "application/octet-stream";

export function mimeTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? DEFAULT_MIME_TYPE : (BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? DEFAULT_MIME_TYPE);
}

/** Photos are at most 10 MB (https://core.telegram.org/api/files#uploading-files); larger images go as documents. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Images Telegram shows as photos (inputMediaUploadedPhoto); every other type goes as a document. */
export function isPhotoType(mimeType: string): boolean {
  return mimeType === "image/jpeg" || mimeType === "image/png" || mimeType === "image/webp";
}
