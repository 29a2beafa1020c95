import type { RawDocument, RawPhoto, TypeMessageMedia } from "@mtkit/tl-core/api";
import type { FileStore, StoredFile } from "./file-store.js";

/** The TL document of a stored file, with its current file reference (https://core.telegram.org/constructor/document). */
export function documentOf(file: StoredFile): RawDocument {
  return {
    _: "document",
    id: file.id,
    accessHash: file.accessHash,
    fileReference: file.fileReference,
    date: file.date,
    mimeType: file.mimeType,
    size: BigInt(file.content.size),
    ...(file.thumb === undefined
      ? {}
      : {
          thumbs: [
            {
              _: "photoSize" as const,
              type: file.thumb.size.type,
              w: file.thumb.size.w,
              h: file.thumb.size.h,
              size: file.thumb.content.size,
            },
          ],
        }),
    dcId: file.dcId,
    attributes: [{ _: "documentAttributeFilename", fileName: file.name }, ...file.attributes],
  };
}

/**
 * The TL photo of a stored photo (https://core.telegram.org/constructor/photo): one photoSize, the
 * uploaded image itself, under the type letter its longest side fits. Real servers add smaller sizes.
 */
export function photoOf(file: StoredFile): RawPhoto {
  const size = file.photoSize;
  return {
    _: "photo",
    id: file.id,
    accessHash: file.accessHash,
    fileReference: file.fileReference,
    date: file.date,
    sizes: [{ _: "photoSize", type: size?.type ?? "y", w: size?.w ?? 0, h: size?.h ?? 0, size: file.content.size }],
    dcId: file.dcId,
  };
}

/** What a message carries for a stored file: messageMediaPhoto or messageMediaDocument. */
export function mediaOf(file: StoredFile): TypeMessageMedia {
  return file.kind === "photo"
    ? { _: "messageMediaPhoto", photo: photoOf(file) }
    : { _: "messageMediaDocument", document: documentOf(file) };
}

/**
 * A message's media as it is shown now: the current file reference, renewed first when it expired, so
 * fetching the message again is how a client refreshes a reference (https://core.telegram.org/api/file_reference).
 * Media of files the store no longer has is shown as stored.
 */
export function currentMedia(files: FileStore, media: TypeMessageMedia): TypeMessageMedia {
  const id =
    media._ === "messageMediaDocument" && media.document?._ === "document"
      ? media.document.id
      : media._ === "messageMediaPhoto" && media.photo?._ === "photo"
        ? media.photo.id
        : undefined;
  const file = id === undefined ? undefined : files.get(id);
  if (file === undefined) return media;
  if (!files.isReferenceValid(file, file.fileReference)) files.refreshReference(file);
  return mediaOf(file);
}
