import type { TypeMessageMedia } from "@mtkit/tl-core/api";
import type { TestServer } from "../server/test-server.js";
import { mediaOf } from "./file-media.js";
import { uploaderOf, type FilesDeps } from "./files-context.js";
import { storeInputMedia } from "./input-media.js";

/**
 * upload.saveFilePart, upload.saveBigFilePart and messages.uploadMedia (an uploaded document or photo
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
  server.handle("messages.uploadMedia", (request, ctx): TypeMessageMedia =>
    mediaOf(storeInputMedia(deps, request.media, ctx)),
  );
}
