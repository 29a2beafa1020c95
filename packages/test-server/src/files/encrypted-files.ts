/**
 * The files side of secret chats (https://core.telegram.org/api/end-to-end#sending-encrypted-files):
 * inputEncryptedFileUploaded / BigUploaded become a stored file holding the ciphertext exactly as
 * uploaded, with the key fingerprint the client gave; inputEncryptedFile names one stored before.
 * The server never has the key: it checks parts and sizes like any upload, nothing else.
 */
import type { RawEncryptedFile } from "@mtkit/tl-core/api";
import { RpcError } from "../api/rpc-error.js";
import type { EncryptedFileHost } from "../secret/encrypted-file-host.js";
import type { StoredFile } from "./file-store.js";
import type { FilesDeps } from "./files-context.js";
import { finishUpload } from "./input-media.js";

function wireEncryptedFile(file: StoredFile, keyFingerprint: number): RawEncryptedFile {
  return {
    _: "encryptedFile",
    id: file.id,
    accessHash: file.accessHash,
    size: BigInt(file.content.size),
    dcId: file.dcId,
    keyFingerprint,
  };
}

export function encryptedFileHost(deps: FilesDeps): EncryptedFileHost {
  return {
    store(input, ctx) {
      if (input._ === "inputEncryptedFile") {
        const known = deps.files.get(input.id);
        if (known?.accessHash !== input.accessHash || known.encryptedKeyFingerprint === undefined)
          throw new RpcError(400, "FILE_ID_INVALID");
        return wireEncryptedFile(known, known.encryptedKeyFingerprint);
      }
      const uploaded =
        input._ === "inputEncryptedFileUploaded"
          ? { _: "inputFile" as const, id: input.id, parts: input.parts, name: "", md5Checksum: input.md5Checksum }
          : { _: "inputFileBig" as const, id: input.id, parts: input.parts, name: "" };
      const finished = finishUpload(deps, uploaded, ctx);
      // AES-IGE works on whole 16-byte blocks: anything else cannot be a secret chat's file.
      if (finished.content.size % 16 !== 0) {
        finished.content.dispose();
        throw new RpcError(400, "FILE_PARTS_INVALID");
      }
      const file = deps.files.add(finished.content, {
        dcId: ctx.dcId,
        name: "",
        mimeType: "application/octet-stream",
        countsTowardLimit: true,
      });
      file.encryptedKeyFingerprint = input.keyFingerprint;
      return wireEncryptedFile(file, input.keyFingerprint);
    },
  };
}
