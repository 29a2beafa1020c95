import type { auth_TypeAuthorization, TypeUser } from "@mtkit/tl-core/api";
import { fetchMissingPeers } from "../events/fetch-missing-peers.js";
import { UpdateDispatcher, type UpdateErrorHandler } from "../events/update-dispatcher.js";
import type { SelfRef } from "../events/filter.js";
import { webCryptoRandomId, type ClientContext, type Invoke } from "../messages/context.js";
import type { PeerCache } from "../peers/peer-cache.js";
import { abortableSleep } from "../retry/abortable-sleep.js";
import type { ClientStorage } from "../storage/types.js";
import type { QrLoginHost } from "./login/qr-login.js";

export interface FeatureWiringDeps {
  readonly apiId: number;
  readonly apiHash: string;
  readonly invoke: Invoke;
  readonly peers: PeerCache;
  readonly storage: ClientStorage;
  /** Milliseconds. */
  readonly now: () => number;
  readonly onUpdateError: UpdateErrorHandler | undefined;
  readonly moveHome: (dcId: number) => Promise<void>;
  readonly authorized: (authorization: auth_TypeAuthorization) => Promise<TypeUser>;
  readonly checkPassword: (password: string) => Promise<TypeUser>;
}

/**
 * What the high-level methods run on, built once per client: the feature context, the update
 * dispatcher (the updates engine's sink) and the QR-login host. QR login's waiters hear pushes
 * through `onPush`.
 */
export class FeatureWiring {
  readonly context: ClientContext;
  readonly dispatcher: UpdateDispatcher;
  readonly #deps: FeatureWiringDeps;
  readonly #loginTokenWaiters = new Set<() => void>();

  constructor(deps: FeatureWiringDeps) {
    this.#deps = deps;
    this.context = {
      invoke: deps.invoke,
      peers: deps.peers,
      randomId: webCryptoRandomId,
      sleep: abortableSleep,
      selfId: () => this.#selfId(),
    };
    this.dispatcher = new UpdateDispatcher({
      self: () => this.#self(),
      // Synchronous (undefined) when the batch names no new peer: the common case of a push stream.
      ingest: (batch) => {
        const stored =
          batch.users.length === 0 && batch.chats.length === 0
            ? undefined
            : deps.peers.ingestIfAny({ users: batch.users, chats: batch.chats });
        if (stored === undefined) return fetchMissingPeers(this.context, batch);
        return stored.then(() => fetchMissingPeers(this.context, batch));
      },
      ...(deps.onUpdateError === undefined ? {} : { onError: deps.onUpdateError }),
    });
  }

  /**
   * A pushed Updates object, seen before the updates engine orders it: wakes QR login's waiters on
   * updateLoginToken. Updates reach the dispatcher only through the engine (its sink), in order and once.
   */
  onPush(push: unknown): void {
    if (
      this.#loginTokenWaiters.size > 0 &&
      JSON.stringify(push, (_k, v: unknown) => (typeof v === "bigint" ? 0 : v)).includes('"updateLoginToken"')
    ) {
      for (const wake of [...this.#loginTokenWaiters]) wake();
    }
  }

  qrHost(): QrLoginHost {
    const deps = this.#deps;
    return {
      apiId: deps.apiId,
      apiHash: deps.apiHash,
      invoke: deps.invoke,
      nextLoginTokenUpdate: (signal) => this.#nextLoginToken(signal),
      moveHome: deps.moveHome,
      authorized: deps.authorized,
      checkPassword: deps.checkPassword,
      sleep: abortableSleep,
      now: () => Math.floor(deps.now() / 1000),
    };
  }

  #nextLoginToken(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.#loginTokenWaiters.delete(done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      this.#loginTokenWaiters.add(done);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  async #selfId(): Promise<number | null> {
    const self = await this.#deps.storage.session.getSelf();
    return self === null ? null : Number(self.userId);
  }

  async #self(): Promise<SelfRef | null> {
    const self = await this.#deps.storage.session.getSelf();
    if (self === null) return null;
    const record = await this.#deps.peers.get({ _: "peerUser", userId: self.userId });
    return { id: Number(self.userId), usernames: record?.usernames ?? [] };
  }
}
