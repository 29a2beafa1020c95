import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RpcError } from "../api/rpc-error.js";
import { BIG_FILE_THRESHOLD, checkPartCall, isValidPartSize } from "./file-rules.js";
import { DiskContent, PartsContent, type FileContent } from "./file-content.js";

export interface UploadStoreOptions {
  /** Most bytes held by unfinished uploads at once; past it a part gets 400 FILE_STORE_FULL. */
  readonly maxPendingBytes: number;
  /** Most unfinished uploads kept; the least recently touched is forgotten past it. */
  readonly maxPendingUploads: number;
  /** Keep parts and files on disk under this directory instead of in memory. */
  readonly directory: string | undefined;
}

interface PendingUpload {
  readonly key: string;
  readonly big: boolean;
  /** Known once a big-file part carried a count other than -1. */
  totalParts: number | undefined;
  /** Part number -> bytes (memory) or their length (disk, the bytes are in a file). */
  readonly parts: Map<number, Uint8Array | number>;
  bytes: number;
}

/** The upload an InputFile names, once checked and assembled. */
export interface FinishedUpload {
  readonly content: FileContent;
  readonly name: string;
}

/**
 * Unfinished uploads (https://core.telegram.org/api/files#uploading-files), keyed by the uploader
 * (its permanent key) and the client's random file id. Parts may come in any order and again;
 * the sizes are checked when the InputFile is used, because only then is the last part known.
 */
export class UploadStore {
  readonly #uploads = new Map<string, PendingUpload>();
  #pendingBytes = 0;
  #sequence = 0;

  constructor(private readonly options: UploadStoreOptions) {
    if (options.directory !== undefined) mkdirSync(options.directory, { recursive: true });
  }

  get pendingBytes(): number {
    return this.#pendingBytes;
  }

  savePart(owner: string, fileId: bigint, part: number, bytes: Uint8Array, totalParts: number | undefined): void {
    checkPartCall(part, bytes.length, totalParts);
    const key = `${owner}:${fileId.toString()}`;
    let upload = this.#uploads.get(key);
    const knownTotal = totalParts === -1 ? undefined : totalParts;
    if (upload !== undefined) {
      if (upload.big !== (totalParts !== undefined)) throw new RpcError(400, "FILE_PARTS_INVALID");
      if (knownTotal !== undefined && upload.totalParts !== undefined && upload.totalParts !== knownTotal)
        throw new RpcError(400, "FILE_PARTS_INVALID");
    }
    // A non-last part of a big file must have a valid size; the last one may be shorter.
    if (knownTotal !== undefined && part < knownTotal - 1 && !isValidPartSize(bytes.length)) {
      throw new RpcError(400, "FILE_PART_SIZE_INVALID");
    }
    if (upload === undefined) {
      upload = { key, big: totalParts !== undefined, totalParts: knownTotal, parts: new Map(), bytes: 0 };
      this.#evictIfFull();
    } else {
      this.#uploads.delete(key); // re-inserted below: most recently used last
    }
    this.#uploads.set(key, upload);
    upload.totalParts ??= knownTotal;
    const previous = upload.parts.get(part);
    const previousLength = previous === undefined ? 0 : typeof previous === "number" ? previous : previous.length;
    if (this.#pendingBytes - previousLength + bytes.length > this.options.maxPendingBytes) {
      throw new RpcError(400, "FILE_STORE_FULL");
    }
    if (this.options.directory === undefined) {
      upload.parts.set(part, bytes.slice());
    } else {
      writeFileSync(this.#partPath(key, part), bytes);
      upload.parts.set(part, bytes.length);
    }
    upload.bytes += bytes.length - previousLength;
    this.#pendingBytes += bytes.length - previousLength;
  }

  /**
   * Checks and assembles the upload an InputFile names, then forgets the pending parts.
   * FILE_PART_X_MISSING, FILE_PART_SIZE_INVALID / _CHANGED, FILE_PARTS_INVALID, MD5_CHECKSUM_INVALID.
   */
  finish(
    owner: string,
    file: {
      readonly id: bigint;
      readonly parts: number;
      readonly name: string;
      readonly md5?: string;
      readonly big: boolean;
    },
    md5Hex: (content: FileContent) => string,
  ): FinishedUpload {
    const key = `${owner}:${file.id.toString()}`;
    const upload = this.#uploads.get(key);
    if (file.parts <= 0 || file.parts > 4000) throw new RpcError(400, "FILE_PARTS_INVALID");
    if (upload === undefined) throw new RpcError(400, "FILE_PART_0_MISSING");
    if (upload.big !== file.big || (upload.totalParts !== undefined && upload.totalParts !== file.parts)) {
      throw new RpcError(400, "FILE_PARTS_INVALID");
    }
    const lengths: number[] = [];
    for (let i = 0; i < file.parts; i++) {
      const part = upload.parts.get(i);
      if (part === undefined) throw new RpcError(400, `FILE_PART_${String(i)}_MISSING`);
      lengths.push(typeof part === "number" ? part : part.length);
    }
    const partSize = lengths[0]!;
    if (file.parts > 1 && !isValidPartSize(partSize)) throw new RpcError(400, "FILE_PART_SIZE_INVALID");
    for (let i = 1; i < file.parts; i++) {
      const length = lengths[i]!;
      if (i < file.parts - 1 ? length !== partSize : length > partSize)
        throw new RpcError(400, "FILE_PART_SIZE_CHANGED");
    }
    const total = lengths.reduce((sum, length) => sum + length, 0);
    if (!file.big && total > BIG_FILE_THRESHOLD) throw new RpcError(400, "FILE_PARTS_INVALID");
    const content = this.#assemble(upload, file.parts, partSize);
    if (file.md5 !== undefined && file.md5 !== "" && file.md5.toLowerCase() !== md5Hex(content)) {
      content.dispose();
      throw new RpcError(400, "MD5_CHECKSUM_INVALID");
    }
    this.#forget(upload);
    return { content, name: file.name };
  }

  /** Drops every unfinished upload. */
  clear(): void {
    for (const upload of [...this.#uploads.values()]) this.#forget(upload);
  }

  #assemble(upload: PendingUpload, parts: number, partSize: number): FileContent {
    const directory = this.options.directory;
    if (directory === undefined) {
      const list: Uint8Array[] = [];
      for (let i = 0; i < parts; i++) list.push(upload.parts.get(i) as Uint8Array);
      return new PartsContent(list, partSize);
    }
    const content = new DiskContent(join(directory, `file-${String(++this.#sequence)}`));
    for (let i = 0; i < parts; i++) content.append(readFileSync(this.#partPath(upload.key, i)));
    return content;
  }

  #forget(upload: PendingUpload): void {
    this.#uploads.delete(upload.key);
    this.#pendingBytes -= upload.bytes;
    if (this.options.directory !== undefined) {
      for (const part of upload.parts.keys()) rmSync(this.#partPath(upload.key, part), { force: true });
    }
  }

  #evictIfFull(): void {
    while (this.#uploads.size >= this.options.maxPendingUploads) {
      const oldest = this.#uploads.values().next().value;
      if (oldest === undefined) return;
      this.#forget(oldest);
    }
  }

  #partPath(key: string, part: number): string {
    return join(this.options.directory!, `part-${key.replace(/[^0-9a-z-]/gi, "_")}-${String(part)}`);
  }
}
