import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RpcMethods, TypeMessage } from "@mtkit/tl-core/api";

export interface FileInvokeOptions {
  readonly dcId?: number;
  /** Run on the DC's media connection. */
  readonly media?: boolean;
  readonly signal?: AbortSignal;
}

/** What transfers need from the client: typed calls (with its retry policy and migrations) and the CDN DCs. */
export interface FileClient {
  readonly crypto: CryptoProvider;
  readonly homeDcId: number;
  invoke<M extends keyof RpcMethods>(
    request: RpcMethods[M]["request"] & { readonly _: M },
    options?: FileInvokeOptions,
  ): Promise<RpcMethods[M]["result"]>;
  /**
   * Fetches a message again (messages.getMessages / channels.getMessages) for a fresh file reference;
   * without it an expired reference ends the download (https://core.telegram.org/api/file_reference).
   */
  refetchMessage?(chatId: number, messageId: number, signal: AbortSignal): Promise<TypeMessage | undefined>;
  /** Lets one signal carry a listener per part in flight (Node warns past 10); optional. */
  prepareSignal?(signal: AbortSignal): void;
  /** A call on CDN DC `dcId` (https://core.telegram.org/cdn): its own auth key, made with the CDN's RSA key. */
  invokeCdn<M extends "upload.getCdnFile">(
    dcId: number,
    request: RpcMethods[M]["request"] & { readonly _: M },
    signal: AbortSignal,
  ): Promise<RpcMethods[M]["result"]>;
}

/** Progress in bytes; `totalBytes` is Infinity while the size is unknown. */
export type ProgressCallback = (doneBytes: number, totalBytes: number) => void;
