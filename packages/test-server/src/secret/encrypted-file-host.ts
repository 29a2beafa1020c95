/**
 * Where messages.sendEncryptedFile keeps a secret chat's file
 * (https://core.telegram.org/api/end-to-end#sending-encrypted-files). The relay has no storage of
 * its own: `installFiles` plugs its upload and file stores in here, so encrypted files are kept
 * as the opaque parts the client uploaded and served by upload.getFile with
 * inputEncryptedFileLocation. Without `installFiles`, files are refused (FILE_NOT_SUPPORTED).
 */
import type { RawEncryptedFile, TypeInputEncryptedFile } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import type { TestServer } from "../server/test-server.js";

export interface EncryptedFileHost {
  /** Stores the uploaded parts an InputEncryptedFile names (or finds a stored one); the TL encryptedFile. */
  store(input: Exclude<TypeInputEncryptedFile, { _: "inputEncryptedFileEmpty" }>, ctx: RpcContext): RawEncryptedFile;
}

const hosts = new WeakMap<TestServer, EncryptedFileHost>();

export function setEncryptedFileHost(server: TestServer, host: EncryptedFileHost): void {
  hosts.set(server, host);
}

export function encryptedFileHostOf(server: TestServer): EncryptedFileHost | undefined {
  return hosts.get(server);
}
