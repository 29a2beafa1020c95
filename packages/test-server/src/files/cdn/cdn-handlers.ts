import { RpcError } from "../../api/rpc-error.js";
import { buildConfig } from "../../api/builtin-handlers.js";
import type { TestServer } from "../../server/test-server.js";
import { checkRange } from "../file-rules.js";
import { fileHashes } from "../file-hashes.js";
import type { FilesDeps } from "../files-context.js";
import { cdnCtr } from "./cdn-ctr.js";
import type { CdnState } from "./cdn-state.js";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The main DCs' side of https://core.telegram.org/cdn: the CDN DC in dc_options (cdn flag), its RSA
 * key in help.getCdnConfig, upload.getCdnFileHashes and upload.reuploadCdnFile.
 */
export function registerCdnMasterHandlers(
  server: TestServer,
  cdnServer: TestServer,
  deps: FilesDeps,
  cdn: CdnState,
): void {
  server.handle("help.getConfig", (_request, ctx) => {
    const config = buildConfig(server.endpoints, ctx.dcId, Math.floor(deps.now() / 1000));
    for (const dc of cdnServer.endpoints)
      config.dcOptions.push({ _: "dcOption", cdn: true, id: dc.id, ipAddress: dc.host, port: dc.port });
    return config;
  });
  server.handle("help.getCdnConfig", () => ({
    _: "cdnConfig" as const,
    publicKeys: [{ _: "cdnPublicKey" as const, dcId: cdn.cdnDcId, publicKey: cdn.publicKeyPem }],
  }));
  server.handle("upload.getCdnFileHashes", (request) => {
    if (request.offset < 0n) throw new RpcError(400, "OFFSET_INVALID");
    return fileHashes(deps.crypto, cdn.entry(request.fileToken).file.content, request.offset);
  });
  server.handle("upload.reuploadCdnFile", (request) => {
    const entry = cdn.entry(request.fileToken);
    const pending = entry.reuploadRequest;
    if (pending === undefined || !bytesEqual(pending, request.requestToken))
      throw new RpcError(400, "RSA_DECRYPT_FAILED");
    entry.reuploadRequest = undefined;
    return fileHashes(deps.crypto, entry.file.content, 0n);
  });
}

/** The CDN DC itself: upload.getCdnFile, parts encrypted with the file's AES-256-CTR key, and its fault knobs. */
export function registerCdnHandlers(cdnServer: TestServer, cdn: CdnState): void {
  cdnServer.handle("upload.getCdnFile", async (request) => {
    const entry = cdn.entry(request.fileToken);
    checkRange(request.offset, request.limit, false);
    const faults = cdn.faults;
    if (faults.slow > 0) {
      faults.slow--;
      await sleep(faults.slowMs);
    }
    if (faults.reupload > 0) {
      faults.reupload--;
      entry.reuploadRequest = cdn.newRequestToken();
    }
    if (entry.reuploadRequest !== undefined)
      return { _: "upload.cdnFileReuploadNeeded" as const, requestToken: entry.reuploadRequest };
    const plain = entry.file.content.read(Number(request.offset), request.limit);
    const bytes = cdnCtr(cdn.crypto, entry.key, entry.iv, request.offset, plain);
    if (faults.corrupt > 0 && bytes.length > 0) {
      faults.corrupt--;
      bytes[bytes.length >> 1]! ^= 0xff;
    }
    return { _: "upload.cdnFile" as const, bytes };
  });
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
