import { RpcError as SessionRpcError } from "@mtkit/session";
import type { TlObject } from "@mtkit/tl-core";
import type { RpcMethods } from "@mtkit/tl-core/api";
import { RpcError } from "../errors/rpc-error.js";
import { abortableSleep } from "../retry/abortable-sleep.js";
import { ClientLifetime } from "../retry/client-lifetime.js";
import { CancelledError } from "../retry/cancelled-error.js";
import type { RetryPolicy } from "../retry/retry-policy.js";
import { runWithRetry } from "../retry/run-with-retry.js";
import type { DcPool } from "./dc-pool.js";
import type { ClientEvent } from "./options.js";

export interface InvokeOptions {
  /** Run on this DC instead of the home DC. */
  readonly dcId?: number;
  /** Use the DC's media connection (files). */
  readonly media?: boolean;
  /** Per-attempt timeout in ms. */
  readonly timeout?: number;
  readonly signal?: AbortSignal;
}

export interface RequestRunnerDeps {
  readonly pool: DcPool;
  readonly homeDcId: number;
  readonly policy: RetryPolicy;
  readonly random: () => number;
  readonly emit: (event: ClientEvent) => void;
  /**
   * Feeds the peer cache (and the updates engine, which needs the request to tell a channel's
   * messages.affectedMessages from the account's); resolves once the answer's users and chats are
   * stored, undefined when it names none.
   */
  readonly ingest: (response: unknown, request: TlObject) => Promise<void> | undefined;
  /** The home DC moved (PHONE_/USER_/NETWORK_MIGRATE_X): remember it. */
  readonly onHomeMoved: (dcId: number, host: string, port: number) => Promise<void>;
}

/** At most this many *_MIGRATE hops per request: a loop between DCs is a server bug, not a reason to spin. */
const MAX_MIGRATIONS = 3;

/**
 * Everything one connect()..disconnect() span runs requests with: the lifetime that cancels them,
 * the DC pool, the home DC, and the per-DC authorization imports
 * (https://core.telegram.org/api/datacenter).
 *
 * The common case (connection ready, no caller signal, no error) takes a short path straight to
 * the session driver: no AbortController, no listeners, no retry loop. Disconnect still ends it,
 * because closing the pool fails every request its drivers hold. Anything else (a first request
 * that needs initConnection, an error to retry, a caller's signal) goes through `runWithRetry`.
 */
export class RequestRunner {
  readonly lifetime = new ClientLifetime();
  #homeDcId: number;
  readonly #authorizedDcs = new Map<number, Promise<void>>();

  constructor(private readonly deps: RequestRunnerDeps) {
    this.#homeDcId = deps.homeDcId;
  }

  get homeDcId(): number {
    return this.#homeDcId;
  }

  get pool(): DcPool {
    return this.deps.pool;
  }

  run(request: TlObject, options: InvokeOptions): Promise<unknown> {
    if (options.signal === undefined) {
      const target = options.dcId ?? this.#homeDcId;
      const timeoutMs = options.timeout;
      const sent = this.deps.pool
        .readyConnection(target, options.media === true)
        ?.invokeIfReady(request, timeoutMs === undefined ? undefined : { timeoutMs });
      if (sent !== undefined) {
        return sent.then(
          (result) => this.#finish(result, request),
          (error: unknown) => this.#runSlow(request, options, { error: toClientError(error, request._) }),
        );
      }
    }
    return this.#runSlow(request, options, undefined);
  }

  /** The answer's users and chats go to the peer cache before the caller sees it. */
  #finish(result: unknown, request: TlObject): unknown {
    const ingesting = this.deps.ingest(result, request);
    return ingesting === undefined ? result : ingesting.then(() => result);
  }

  /** Retries, *_MIGRATE hops and caller signals; `firstFailure` is the short path's failed first attempt. */
  async #runSlow(
    request: TlObject,
    options: InvokeOptions,
    firstFailure: { readonly error: unknown } | undefined,
  ): Promise<unknown> {
    let dcId = options.dcId;
    for (let hop = 0; ; hop++) {
      const target = dcId ?? this.#homeDcId;
      try {
        const result = await this.#retry(target, request, options, hop === 0 ? firstFailure : undefined);
        return await this.#finish(result, request);
      } catch (error) {
        const verdict = error instanceof RpcError ? error.classification : undefined;
        if (verdict?.kind !== "migrate" || hop >= MAX_MIGRATIONS) throw error;
        this.deps.emit({
          type: "migrate",
          error: (error as RpcError).rawMessage,
          fromDc: target,
          toDc: verdict.dcId,
          scope: verdict.scope,
        });
        if (verdict.scope === "home") {
          await this.moveHome(verdict.dcId);
          dcId = undefined;
        } else {
          await this.ensureAuthorized(verdict.dcId);
          dcId = verdict.dcId;
        }
      }
    }
  }

  /** Ends the span: every wait rejects with `CancelledError("DISCONNECTED")`, then the sockets close. */
  async close(): Promise<void> {
    this.lifetime.end();
    await this.deps.pool.close();
    this.#authorizedDcs.clear();
  }

  /**
   * Makes DC `dcId` accept this account: auth.exportAuthorization on the home DC, then
   * auth.importAuthorization there, once per span.
   */
  async ensureAuthorized(dcId: number): Promise<void> {
    if (dcId === this.#homeDcId) return;
    let pending = this.#authorizedDcs.get(dcId);
    if (pending === undefined) {
      // Remembered per connect() only: a stale "already imported" after a logout or a new key would
      // break every call to that DC, and one export/import per run is cheap.
      pending = (async () => {
        const exportRequest: RpcMethods["auth.exportAuthorization"]["request"] = {
          _: "auth.exportAuthorization",
          dcId,
        };
        const exported = (await this.run(exportRequest, {})) as RpcMethods["auth.exportAuthorization"]["result"];
        const importRequest: RpcMethods["auth.importAuthorization"]["request"] = {
          _: "auth.importAuthorization",
          id: exported.id,
          bytes: exported.bytes,
        };
        await this.run(importRequest, { dcId });
        this.deps.emit({ type: "authorization_imported", dcId });
      })();
      this.#authorizedDcs.set(dcId, pending);
      pending.catch(() => this.#authorizedDcs.delete(dcId));
    }
    await pending;
  }

  #retry(
    dcId: number,
    request: TlObject,
    options: InvokeOptions,
    firstFailure: { readonly error: unknown } | undefined,
  ): Promise<unknown> {
    return runWithRetry((signal) => this.#attempt(dcId, request, options, signal), {
      policy: this.deps.policy,
      sleep: abortableSleep,
      random: this.deps.random,
      lifetime: this.lifetime,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(firstFailure === undefined ? {} : { firstFailure }),
      method: request._,
      onEvent: this.deps.emit,
    });
  }

  async #attempt(dcId: number, request: TlObject, options: InvokeOptions, signal: AbortSignal): Promise<unknown> {
    await this.deps.pool.address(dcId, this.#homeDcId);
    const connection = this.deps.pool.connection(dcId, options.media === true);
    try {
      return await connection.invoke(request, {
        signal,
        ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
      });
    } catch (error) {
      throw toClientError(error, request._);
    }
  }

  /** Makes `dcId` the home DC (a *_MIGRATE, or a QR login finished on another DC) and stores it. */
  async moveHome(dcId: number): Promise<void> {
    const dc = await this.deps.pool.address(dcId, this.#homeDcId);
    this.#homeDcId = dcId;
    await this.deps.onHomeMoved(dcId, dc.host, dc.port);
  }
}

/** The session layer's RpcError becomes the client's (with its classification and method). */
function toClientError(error: unknown, method: string): unknown {
  return error instanceof SessionRpcError ? new RpcError(error.errorCode, error.errorMessage, method) : error;
}

/** For `connect()`: the span was ended while we waited, so say DISCONNECTED rather than "driver closed". */
export function disconnectedIfEnded(runner: RequestRunner, error: unknown): unknown {
  return runner.lifetime.ended ? new CancelledError("DISCONNECTED", error) : error;
}
