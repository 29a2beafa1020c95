import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { RawDocument, TypeInputFileLocation } from "@mtkit/tl-core/api";
import type { WorldServer } from "../install/install-world.js";
import type { TestServer } from "../server/test-server.js";
import { registerCdnHandlers, registerCdnMasterHandlers } from "./cdn/cdn-handlers.js";
import { CdnState, type CdnFaults } from "./cdn/cdn-state.js";
import { registerDownloadHandlers } from "./download-handlers.js";
import { PartsContent, SyntheticContent } from "./file-content.js";
import { FileStore, type StoredFile } from "./file-store.js";
import type { FilesDeps } from "./files-context.js";
import { currentMedia, documentOf, mediaOf } from "./file-media.js";
import { storeInputMedia } from "./input-media.js";
import { registerUploadHandlers } from "./upload-handlers.js";
import { UploadStore } from "./upload-store.js";
import { encryptedFileHost } from "./encrypted-files.js";
import { setEncryptedFileHost } from "../secret/encrypted-file-host.js";

export interface FilesOptions {
  /** Keep parts and files on disk under this directory. Default: in memory. */
  readonly directory?: string;
  /** Most bytes unfinished uploads may hold (default 512 MiB); past it parts get 400 FILE_STORE_FULL. */
  readonly maxPendingBytes?: number;
  /** Most unfinished uploads kept (default 256); the least recently touched goes first. */
  readonly maxPendingUploads?: number;
  /** Most bytes of finished files kept (default 1 GiB); the oldest go first. */
  readonly maxStoredBytes?: number;
  /** How long a file reference works, in ms (default 1 hour). */
  readonly referenceTtlMs?: number;
  /**
   * A second TestServer acting as CDN DC (start it with its own `firstDcId`, e.g. 203, so it has
   * its own RSA key and DC id). Files marked `viaCdn` are then redirected there.
   */
  readonly cdn?: TestServer;
  readonly crypto?: CryptoProvider;
  readonly now?: () => number;
  /**
   * The world of this server (`installWorld`'s handle): messages.sendMedia / sendMultiMedia then turn
   * uploads into messages, and fetched messages carry current file references.
   */
  readonly world?: Pick<WorldServer, "attachMedia">;
}

/** Where a stored file can be downloaded from, as a client names it. */
export interface FileHandle {
  readonly file: StoredFile;
  readonly document: RawDocument;
  readonly location: TypeInputFileLocation & { readonly _: "inputDocumentFileLocation" };
}

/** Test-side handle on the files of a server. */
export interface FilesSlice {
  /** Stores `bytes` as a document on `dcId` (default: the first DC). */
  addFile(
    bytes: Uint8Array,
    options?: { readonly dcId?: number; readonly name?: string; readonly mimeType?: string; readonly viaCdn?: boolean },
  ): FileHandle;
  /** A file of `size` bytes computed from their offsets (incompressible noise, `syntheticByte(i, seed)`), never held. */
  addSyntheticFile(
    size: number,
    options?: { readonly dcId?: number; readonly seed?: number; readonly viaCdn?: boolean },
  ): FileHandle;
  /** A stored file by document id (e.g. from a client's messages.uploadMedia), to set `viaCdn` or refresh it. */
  fileById(id: bigint): StoredFile | undefined;
  /** The document and location of a stored file, with its current reference. */
  handle(file: StoredFile): FileHandle;
  /** A new file reference for this file (what refetching the message would give). */
  refreshReference(file: StoredFile): FileHandle;
  /** Every file reference stops working: FILE_REFERENCE_EXPIRED until refreshed. */
  expireReferences(): void;
  /** Fault knobs of the CDN DC (requires `cdn`). */
  readonly cdnFaults: CdnFaults;
  /** Bytes held by unfinished uploads. */
  readonly pendingUploadBytes: number;
  /** Forgets every upload and file (and frees their disk files). */
  clear(): void;
}

/**
 * Installs the file methods on `server` through its handler API: upload.saveFilePart,
 * saveBigFilePart, getFile, getFileHashes, messages.uploadMedia, and with `cdn` the CDN DC
 * (help.getCdnConfig, upload.getCdnFile, getCdnFileHashes, reuploadCdnFile).
 */
export function installFiles(server: TestServer, options: FilesOptions = {}): FilesSlice {
  const crypto = options.crypto ?? createNodeCrypto();
  const now = options.now ?? Date.now;
  const uploads = new UploadStore({
    maxPendingBytes: options.maxPendingBytes ?? 512 * 1024 * 1024,
    maxPendingUploads: options.maxPendingUploads ?? 256,
    directory: options.directory,
  });
  const files = new FileStore({
    crypto,
    now,
    referenceTtlMs: options.referenceTtlMs ?? 3_600_000,
    maxStoredBytes: options.maxStoredBytes ?? 1024 * 1024 * 1024,
  });
  const cdnServer = options.cdn;
  const cdn = cdnServer === undefined ? undefined : new CdnState(cdnServer.dcs[0]!.id, cdnServer.publicKeyPem, crypto);
  const deps: FilesDeps = { uploads, files, crypto, now, cdn };
  registerUploadHandlers(server, deps);
  registerDownloadHandlers(server, deps);
  options.world?.attachMedia({
    messageMedia: (media, ctx) => mediaOf(storeInputMedia(deps, media, ctx)),
    currentMedia: (media) => currentMedia(files, media),
  });
  setEncryptedFileHost(server, encryptedFileHost(deps));
  if (cdnServer !== undefined && cdn !== undefined) {
    registerCdnMasterHandlers(server, cdnServer, deps, cdn);
    registerCdnHandlers(cdnServer, cdn);
  }
  const firstDc = server.dcs[0]!.id;
  const handleOf = (file: StoredFile): FileHandle => ({
    file,
    document: documentOf(file),
    location: {
      _: "inputDocumentFileLocation",
      id: file.id,
      accessHash: file.accessHash,
      fileReference: file.fileReference,
      thumbSize: "",
    },
  });
  return {
    addFile: (bytes, fileOptions = {}) => {
      const file = files.add(new PartsContent([bytes.slice()], Math.max(1, bytes.length)), {
        dcId: fileOptions.dcId ?? firstDc,
        name: fileOptions.name ?? "file.bin",
        mimeType: fileOptions.mimeType ?? "application/octet-stream",
        countsTowardLimit: true,
      });
      file.viaCdn = fileOptions.viaCdn === true;
      return handleOf(file);
    },
    addSyntheticFile: (size, fileOptions = {}) => {
      const file = files.add(new SyntheticContent(size, fileOptions.seed ?? 0), {
        dcId: fileOptions.dcId ?? firstDc,
        name: "synthetic.bin",
        mimeType: "application/octet-stream",
        countsTowardLimit: false,
      });
      file.viaCdn = fileOptions.viaCdn === true;
      return handleOf(file);
    },
    fileById: (id) => files.get(id),
    handle: handleOf,
    refreshReference: (file) => {
      files.refreshReference(file);
      return handleOf(file);
    },
    expireReferences: () => {
      files.expireReferences();
    },
    get cdnFaults(): CdnFaults {
      if (cdn === undefined) throw new RangeError("installFiles was called without `cdn`");
      return cdn.faults;
    },
    get pendingUploadBytes() {
      return uploads.pendingBytes;
    },
    clear: () => {
      uploads.clear();
      files.clear();
      cdn?.clear();
    },
  };
}
