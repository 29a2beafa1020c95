import type { RawDocument, TypeInputFile, TypeInputMedia, TypeMessageMedia } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import type { TestServer } from "../server/test-server.js";
import type { FileContent } from "./file-content.js";
import type { StoredFile } from "./file-store.js";
import { uploaderOf, type FilesDeps } from "./files-context.js";

/**
 * upload.saveFilePart, upload.saveBigFilePart and messages.uploadMedia (an uploaded document
 * becomes a file with a location, https://core.telegram.org/api/files#uploading-files).
 */
export function registerUploadHandlers(server: TestServer, deps: FilesDeps): void {
  server.handle("upload.saveFilePart", (request, ctx) => {
    deps.uploads.savePart(uploaderOf(ctx), request.fileId, request.filePart, request.bytes, undefined);
    return true;
  });
  server.handle("upload.saveBigFilePart", (request, ctx) => {
    deps.uploads.savePart(uploaderOf(ctx), request.fileId, request.filePart, request.bytes, request.fileTotalParts);
    return true;
  });
  server.handle("messages.uploadMedia", (request, ctx): TypeMessageMedia => {
    const file = storeUploadedMedia(deps, request.media, ctx);
    return { _: "messageMediaDocument", document: documentOf(file) };
  });
}

/** The stored file an inputMediaUploadedDocument names (for uploadMedia and sendMedia). */
export function storeUploadedMedia(deps: FilesDeps, media: TypeInputMedia, ctx: RpcContext): StoredFile {
  if (media._ !== "inputMediaUploadedDocument") throw new RpcError(400, "MEDIA_INVALID");
  const finished = finishUpload(deps, media.file, ctx);
  const name =
    media.attributes.find((attribute) => attribute._ === "documentAttributeFilename")?.fileName ?? finished.name;
  return deps.files.add(finished.content, { dcId: ctx.dcId, name, mimeType: media.mimeType, countsTowardLimit: true });
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

/** The TL document of a stored file, with its current file reference. */
export function documentOf(file: StoredFile): RawDocument {
  return {
    _: "document",
    id: file.id,
    accessHash: file.accessHash,
    fileReference: file.fileReference,
    date: file.date,
    mimeType: file.mimeType,
    size: BigInt(file.content.size),
    dcId: file.dcId,
    attributes: [{ _: "documentAttributeFilename", fileName: file.name }],
  };
}
