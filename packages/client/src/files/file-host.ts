import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { SessionEnvironment } from "@mtkit/session";
import type { TlObject } from "@mtkit/tl-core";
import type { RpcMethods } from "@mtkit/tl-core/api";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";
import { abortableSleep } from "../retry/abortable-sleep.js";
import type { ClientLifetime } from "../retry/client-lifetime.js";
import type { RetryPolicy } from "../retry/retry-policy.js";
import { runWithRetry, type RetryEvent } from "../retry/run-with-retry.js";
import { CdnConnections } from "./cdn/cdn-connections.js";
import type { FileClient, FileInvokeOptions } from "./file-client.js";

export interface FileHostDeps {
  readonly crypto: CryptoProvider;
  readonly env: SessionEnvironment;
  readonly homeDcId: () => number;
  readonly invoke: (request: TlObject, options: FileInvokeOptions) => Promise<unknown>;
  readonly newTransport: (address: TransportAddress) => Transport;
  readonly wrapInit: (query: TlObject) => TlObject;
  readonly requestTimeoutMs: number;
  /** The client's retry policy, so FLOOD_WAIT on CDN parts is handled like everywhere else. */
  readonly policy: RetryPolicy;
  readonly random: () => number;
  readonly lifetime: ClientLifetime;
  readonly emit: (event: RetryEvent) => void;
  readonly prepareSignal: (signal: AbortSignal) => void;
  readonly refetchMessage: NonNullable<FileClient["refetchMessage"]>;
}

/** The FileClient of one connect() span, and its CDN connections (closed with `close`). */
export interface FileHost extends FileClient {
  close(): Promise<void>;
}

export function createFileHost(deps: FileHostDeps): FileHost {
  const cdn = new CdnConnections({
    env: deps.env,
    newTransport: deps.newTransport,
    wrapInit: deps.wrapInit,
    askHome: (request) => deps.invoke(request, {}),
    requestTimeoutMs: deps.requestTimeoutMs,
  });
  return {
    crypto: deps.crypto,
    get homeDcId() {
      return deps.homeDcId();
    },
    invoke: <M extends keyof RpcMethods>(
      request: RpcMethods[M]["request"] & { readonly _: M },
      options: FileInvokeOptions = {},
    ) => deps.invoke(request, options),
    invokeCdn: (dcId, request, signal) =>
      runWithRetry((attemptSignal) => cdn.invoke(dcId, request, attemptSignal), {
        policy: deps.policy,
        sleep: abortableSleep,
        random: deps.random,
        lifetime: deps.lifetime,
        signal,
        method: request._,
        onEvent: deps.emit,
      }),
    prepareSignal: deps.prepareSignal,
    refetchMessage: deps.refetchMessage,
    close: () => cdn.close(),
  };
}
