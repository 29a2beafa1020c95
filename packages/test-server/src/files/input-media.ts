import type { TypeInputFile, TypeInputMedia } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import type { FileContent } from "./file-content.js";
import type { StoredFile, StoredThumb } from "./file-store.js";
import { uploaderOf, type FilesDeps } from "./files-context.js";
import { photoSizeOf } from "./image-size.js";

/** Photos are at most 10 MB (https://core.telegram.org/api/files#uploading-files). */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * The stored file an InputMedia names (for messages.uploadMedia, sendMedia and sendMultiMedia): an
 * upload finished now (inputMediaUploadedDocument / inputMediaUploadedPhoto), or a file sent before
 * (inputMediaDocument / inputMediaPhoto), whose file reference must still be valid
 * (https://core.telegram.org/api/file_reference).
 */
export function storeInputMedia(deps: FilesDeps, media: TypeInputMedia, ctx: RpcContext): StoredFile {
  switch (media._) {
    case "inputMediaUploadedDocument": {
      const finished = finishUpload(deps, media.file, ctx);
      const thumb = media.thumb === undefined ? undefined : storedThumb(deps, media.thumb, ctx);
      const name =
        media.attributes.find((attribute) => attribute._ === "documentAttributeFilename")?.fileName ?? finished.name;
      return deps.files.add(finished.content, {
        dcId: ctx.dcId,
        name,
        mimeType: media.mimeType,
        countsTowardLimit: true,
        attributes: media.attributes.filter((attribute) => attribute._ !== "documentAttributeFilename"),
        ...(thumb === undefined ? {} : { thumb }),
      });
    }
    case "inputMediaUploadedPhoto": {
      const finished = finishUpload(deps, media.file, ctx);
      if (finished.content.size > MAX_PHOTO_BYTES) {
        finished.content.dispose();
        throw new RpcError(400, "PHOTO_INVALID");
      }
      const photoSize = photoSizeOf(finished.content);
      return deps.files.add(finished.content, {
        dcId: ctx.dcId,
        name: finished.name,
        mimeType: photoSize.mimeType === "application/octet-stream" ? "image/jpeg" : photoSize.mimeType,
        countsTowardLimit: true,
        kind: "photo",
        photoSize,
      });
    }
    case "inputMediaDocument":
    case "inputMediaPhoto": {
      const input = media.id;
      if (input._ === "inputPhotoEmpty" || input._ === "inputDocumentEmpty") throw new RpcError(400, "MEDIA_EMPTY");
      const file = deps.files.get(input.id);
      const kind = media._ === "inputMediaPhoto" ? "photo" : "document";
      if (file?.accessHash !== input.accessHash || file.kind !== kind) throw new RpcError(400, "MEDIA_INVALID");
      if (!deps.files.isReferenceValid(file, input.fileReference)) throw new RpcError(400, "FILE_REFERENCE_EXPIRED");
      return file;
    }
    default:
      throw new RpcError(400, "MEDIA_INVALID");
  }
}

/**
 * A document's thumbnail, uploaded as for the file (https://core.telegram.org/constructor/inputMediaUploadedDocument):
 * kept as given (no image processing), under the type letter its longest side fits ("m" when its size cannot be read).
 */
function storedThumb(deps: FilesDeps, input: TypeInputFile, ctx: RpcContext): StoredThumb {
  const { content } = finishUpload(deps, input, ctx);
  const size = photoSizeOf(content);
  return { content, size: size.w === 0 ? { ...size, type: "m" } : size };
}

export function finishUpload(
  deps: FilesDeps,
  input: TypeInputFile,
  ctx: RpcContext,
): { content: FileContent; name: string } {
  if (input._ === "inputFile") {
    return deps.uploads.finish(
      uploaderOf(ctx),
      { id: input.id, parts: input.parts, name: input.name, md5: input.md5Checksum, big: false },
      (content) => md5Hex(deps, content),
    );
  }
  if (input._ === "inputFileBig") {
    return deps.uploads.finish(
      uploaderOf(ctx),
      { id: input.id, parts: input.parts, name: input.name, big: true },
      (content) => md5Hex(deps, content),
    );
  }
  throw new RpcError(400, "FILE_PARTS_INVALID");
}

function md5Hex(deps: FilesDeps, content: FileContent): string {
  // Small files only (<= 10 MiB): md5_checksum exists only on inputFile.
  const digest = deps.crypto.md5(content.read(0, content.size));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
