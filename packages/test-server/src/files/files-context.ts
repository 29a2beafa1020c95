import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RpcContext } from "../api/rpc-context.js";
import type { FileStore } from "./file-store.js";
import type { UploadStore } from "./upload-store.js";
import type { CdnState } from "./cdn/cdn-state.js";

/** What the file handlers share. */
export interface FilesDeps {
  readonly uploads: UploadStore;
  readonly files: FileStore;
  readonly crypto: CryptoProvider;
  readonly now: () => number;
  /** Undefined when no CDN DC was installed. */
  readonly cdn: CdnState | undefined;
}

/** Uploads belong to the uploader: its permanent key (a bound temp key counts as its perm key) on this DC. */
export function uploaderOf(ctx: RpcContext): string {
  return `${String(ctx.dcId)}-${(ctx.permAuthKeyId ?? ctx.authKeyId).toString()}`;
}
