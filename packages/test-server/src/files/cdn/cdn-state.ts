import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { upload_RawFileCdnRedirect } from "@mtkit/tl-core/api";
import { RpcError } from "../../api/rpc-error.js";
import type { StoredFile } from "../file-store.js";
import { fileHashes } from "../file-hashes.js";

/** A file as the CDN DC holds it: encrypted with its own key, reachable by token. */
export interface CdnEntry {
  readonly file: StoredFile;
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
  /** Set while the CDN "lost" the file: getCdnFile answers cdnFileReuploadNeeded with it. */
  reuploadRequest: Uint8Array | undefined;
}

/** Fault knobs of the CDN DC; each fires the given number of times. */
export interface CdnFaults {
  /** The next answers of upload.getCdnFile have one byte flipped (the client must reject them). */
  corrupt: number;
  /** The next calls find the file gone: cdnFileReuploadNeeded until upload.reuploadCdnFile. */
  reupload: number;
  /** The next calls answer after `slowMs`. */
  slow: number;
  slowMs: number;
}

/**
 * The shared state of the main DCs and the CDN DC (https://core.telegram.org/cdn): which files
 * were redirected, with which token, key and iv, and the CDN's fault knobs.
 */
export class CdnState {
  readonly #entries = new Map<string, CdnEntry>();
  readonly faults: CdnFaults = { corrupt: 0, reupload: 0, slow: 0, slowMs: 0 };

  constructor(
    readonly cdnDcId: number,
    readonly publicKeyPem: string,
    readonly crypto: CryptoProvider,
  ) {}

  /** A request token for cdnFileReuploadNeeded. */
  newRequestToken(): Uint8Array {
    return this.crypto.randomFill(new Uint8Array(16));
  }

  /** A new token, key and iv for `file`, and the hashes of its first 1 MiB. */
  redirect(file: StoredFile): upload_RawFileCdnRedirect {
    const token = this.crypto.randomFill(new Uint8Array(16));
    const entry: CdnEntry = {
      file,
      key: this.crypto.randomFill(new Uint8Array(32)),
      iv: this.crypto.randomFill(new Uint8Array(16)),
      reuploadRequest: undefined,
    };
    this.#entries.set(hex(token), entry);
    return {
      _: "upload.fileCdnRedirect",
      dcId: this.cdnDcId,
      fileToken: token,
      encryptionKey: entry.key,
      encryptionIv: entry.iv,
      fileHashes: fileHashes(this.crypto, file.content, 0n),
    };
  }

  entry(token: Uint8Array): CdnEntry {
    const entry = this.#entries.get(hex(token));
    if (entry === undefined) throw new RpcError(400, "FILE_TOKEN_INVALID");
    return entry;
  }

  clear(): void {
    this.#entries.clear();
    Object.assign(this.faults, { corrupt: 0, reupload: 0, slow: 0, slowMs: 0 });
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
