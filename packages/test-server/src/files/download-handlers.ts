import type { TypeInputFileLocation } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import type { TestServer } from "../server/test-server.js";
import type { FileContent } from "./file-content.js";
import { checkRange } from "./file-rules.js";
import type { StoredFile } from "./file-store.js";
import { fileHashes } from "./file-hashes.js";
import type { FilesDeps } from "./files-context.js";

/** upload.getFile and upload.getFileHashes (https://core.telegram.org/api/files#downloading-files). */
export function registerDownloadHandlers(server: TestServer, deps: FilesDeps): void {
  server.handle("upload.getFile", (request, ctx) => {
    const file = locate(deps, request.location, ctx);
    checkRange(request.offset, request.limit, request.precise === true);
    const thumb = thumbOf(file, request.location);
    if (thumb === undefined && file.viaCdn && request.cdnSupported === true && deps.cdn !== undefined)
      return deps.cdn.redirect(file);
    return {
      _: "upload.file" as const,
      type: { _: "storage.filePartial" as const },
      mtime: file.date,
      bytes: (thumb ?? file.content).read(Number(request.offset), request.limit),
    };
  });
  server.handle("upload.getFileHashes", (request, ctx) => {
    const file = locate(deps, request.location, ctx);
    if (request.offset < 0n) throw new RpcError(400, "OFFSET_INVALID");
    return fileHashes(deps.crypto, thumbOf(file, request.location) ?? file.content, request.offset);
  });
}

/**
 * The file a location names, on this DC: FILE_MIGRATE_X when it lives on another one
 * (https://core.telegram.org/api/datacenter), FILE_REFERENCE_* for a missing or stale reference
 * (https://core.telegram.org/api/file_reference).
 */
export function locate(deps: FilesDeps, location: TypeInputFileLocation, ctx: RpcContext): StoredFile {
  if (location._ === "inputEncryptedFileLocation") return locateEncrypted(deps, location, ctx);
  if (location._ !== "inputDocumentFileLocation" && location._ !== "inputPhotoFileLocation")
    throw new RpcError(400, "LOCATION_INVALID");
  const file = deps.files.get(location.id);
  if (file?.accessHash !== location.accessHash) throw new RpcError(400, "FILE_ID_INVALID");
  // A photo has one size (the uploaded image), under its type letter; a document is asked for with no
  // thumb size, or with its thumbnail's type letter for the thumbnail.
  const photo = location._ === "inputPhotoFileLocation";
  const sizeKnown = photo
    ? location.thumbSize === file.photoSize?.type
    : location.thumbSize === "" || location.thumbSize === file.thumb?.size.type;
  if (photo !== (file.kind === "photo") || !sizeKnown) throw new RpcError(400, "LOCATION_INVALID");
  if (file.dcId !== ctx.dcId) throw new RpcError(303, `FILE_MIGRATE_${String(file.dcId)}`);
  if (location.fileReference.length === 0) throw new RpcError(400, "FILE_REFERENCE_EMPTY");
  if (!deps.files.isReferenceValid(file, location.fileReference)) throw new RpcError(400, "FILE_REFERENCE_EXPIRED");
  return file;
}

/** The thumbnail's bytes when the location asks for a document's thumbnail; undefined for the file itself. */
function thumbOf(file: StoredFile, location: TypeInputFileLocation): FileContent | undefined {
  if (location._ !== "inputDocumentFileLocation" || location.thumbSize === "") return undefined;
  return file.thumb?.content;
}

/** A secret chat's file (https://core.telegram.org/api/end-to-end#sending-encrypted-files): id and access hash, no reference. */
function locateEncrypted(
  deps: FilesDeps,
  location: Extract<TypeInputFileLocation, { _: "inputEncryptedFileLocation" }>,
  ctx: RpcContext,
): StoredFile {
  const file = deps.files.get(location.id);
  if (file?.accessHash !== location.accessHash || file.encryptedKeyFingerprint === undefined)
    throw new RpcError(400, "FILE_ID_INVALID");
  if (file.dcId !== ctx.dcId) throw new RpcError(303, `FILE_MIGRATE_${String(file.dcId)}`);
  return file;
}
