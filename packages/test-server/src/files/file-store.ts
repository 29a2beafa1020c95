import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { TypeDocumentAttribute } from "@mtkit/tl-core/api";
import type { FileContent } from "./file-content.js";
import type { PhotoSizeInfo } from "./image-size.js";

/** A file the server can hand out: a document or a photo with a location on one DC. */
export interface StoredFile {
  readonly id: bigint;
  /** A photo is served as one size, the uploaded image itself (no image processing here). */
  readonly kind: "document" | "photo";
  /** The photo's only size (`kind` "photo"). */
  readonly photoSize: PhotoSizeInfo | undefined;
  /** A document's thumbnail as uploaded with it (inputMediaUploadedDocument.thumb), served under its type letter. */
  readonly thumb: StoredThumb | undefined;
  /** Attributes the uploader sent besides the file name (video, audio, image size...), kept as given. */
  readonly attributes: readonly TypeDocumentAttribute[];
  readonly accessHash: bigint;
  readonly dcId: number;
  readonly content: FileContent;
  readonly name: string;
  readonly mimeType: string;
  readonly date: number;
  /** The current file reference and when it stops working (ms). */
  fileReference: Uint8Array;
  referenceExpiresAt: number;
  /** Served through the CDN DC (upload.fileCdnRedirect) to clients that say cdn_supported. */
  viaCdn: boolean;
  /** Set for a secret chat's file: the key fingerprint its sender gave (the bytes are ciphertext). */
  encryptedKeyFingerprint?: number;
}

/** A document's thumbnail (https://core.telegram.org/api/files#image-thumbnail-types): its bytes and size. */
export interface StoredThumb {
  readonly content: FileContent;
  readonly size: PhotoSizeInfo;
}

export interface FileStoreOptions {
  readonly crypto: CryptoProvider;
  readonly now: () => number;
  /** How long a file reference works (https://core.telegram.org/api/file_reference). */
  readonly referenceTtlMs: number;
  /** Most bytes of stored files (synthetic ones count nothing); past it the oldest are forgotten. */
  readonly maxStoredBytes: number;
}

/** Files by document id, each with an expiring file reference. */
export class FileStore {
  readonly #files = new Map<bigint, StoredFile>();
  /** Files whose bytes count toward `maxStoredBytes` (not the synthetic ones). */
  readonly #counted = new WeakSet<StoredFile>();
  #bytes = 0;

  constructor(private readonly options: FileStoreOptions) {}

  add(
    content: FileContent,
    meta: {
      readonly dcId: number;
      readonly name: string;
      readonly mimeType: string;
      readonly countsTowardLimit: boolean;
      readonly kind?: "document" | "photo";
      readonly photoSize?: PhotoSizeInfo;
      readonly attributes?: readonly TypeDocumentAttribute[];
      readonly thumb?: StoredThumb;
    },
  ): StoredFile {
    const random = this.options.crypto.randomFill(new Uint8Array(16));
    const view = new DataView(random.buffer);
    const file: StoredFile = {
      id: view.getBigInt64(0, true) & 0x7fff_ffff_ffff_ffffn,
      kind: meta.kind ?? "document",
      photoSize: meta.photoSize,
      thumb: meta.thumb,
      attributes: meta.attributes ?? [],
      accessHash: view.getBigInt64(8, true),
      dcId: meta.dcId,
      content,
      name: meta.name,
      mimeType: meta.mimeType,
      date: Math.floor(this.options.now() / 1000),
      fileReference: new Uint8Array(0),
      referenceExpiresAt: 0,
      viaCdn: false,
    };
    this.refreshReference(file);
    if (meta.countsTowardLimit) {
      this.#counted.add(file);
      this.#bytes += storedBytes(file);
      this.#evictOver(this.options.maxStoredBytes, file);
    }
    this.#files.set(file.id, file);
    return file;
  }

  get(id: bigint): StoredFile | undefined {
    return this.#files.get(id);
  }

  /** A new reference, valid `referenceTtlMs` from now; the old one stops working. */
  refreshReference(file: StoredFile): void {
    file.fileReference = this.options.crypto.randomFill(new Uint8Array(16));
    file.referenceExpiresAt = this.options.now() + this.options.referenceTtlMs;
  }

  /** Every current reference stops working now (FILE_REFERENCE_EXPIRED until refreshed). */
  expireReferences(): void {
    for (const file of this.#files.values()) file.referenceExpiresAt = 0;
  }

  isReferenceValid(file: StoredFile, reference: Uint8Array): boolean {
    if (this.options.now() >= file.referenceExpiresAt) return false;
    if (reference.length !== file.fileReference.length) return false;
    return reference.every((byte, i) => byte === file.fileReference[i]);
  }

  clear(): void {
    for (const file of this.#files.values()) disposeFile(file);
    this.#files.clear();
    this.#bytes = 0;
  }

  #evictOver(limit: number, keep: StoredFile): void {
    for (const file of this.#files.values()) {
      if (this.#bytes <= limit) return;
      if (file === keep || !this.#counted.has(file)) continue;
      this.#files.delete(file.id);
      this.#bytes -= storedBytes(file);
      disposeFile(file);
    }
  }
}

function storedBytes(file: StoredFile): number {
  return file.content.size + (file.thumb?.content.size ?? 0);
}

function disposeFile(file: StoredFile): void {
  file.content.dispose();
  file.thumb?.content.dispose();
}
