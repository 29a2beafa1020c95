import { createAuthKey, type AuthKey } from "@mtkit/mtproto-crypto";
import {
  SessionDriver,
  SessionError,
  type HandshakeResult,
  type SessionDriverEvent,
  type SessionEnvironment,
} from "@mtkit/session";
import type { TlObject } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";
import type { ClientStorage } from "../storage/types.js";
import type { DcKeys } from "./dc-keys.js";

/** PFS temporary keys (https://core.telegram.org/api/pfs); stored per DC and connection kind. */
export interface PfsSettings {
  readonly lifetimeSeconds: number;
  readonly renewBeforeSeconds: number;
}

/** What every connection of a client shares; the pool adds each one's address and callbacks. */
export interface ConnectionSettings {
  readonly env: SessionEnvironment;
  readonly storage: ClientStorage;
  readonly keys: DcKeys;
  readonly newTransport: (address: TransportAddress) => Transport;
  /** invokeWithLayer + initConnection around the first request of each session. */
  readonly wrapInit: (query: TlObject) => TlObject;
  /** Undefined: run on the permanent key. */
  readonly pfs: PfsSettings | undefined;
  readonly requestTimeoutMs: number;
  readonly pingIntervalMs: number;
  readonly deadConnectionTimeoutMs: number | undefined;
}

export interface DcConnectionDeps extends ConnectionSettings {
  readonly address: TransportAddress;
  /**
   * Awaited before this connection opens: a DC's second and later media connections wait for the
   * first, then reuse the temporary key it made and stored instead of each making its own.
   */
  readonly after?: () => Promise<void>;
  readonly onBound: (expiresAt: number) => void;
  readonly onSessionEvent: (event: SessionDriverEvent) => void;
}

interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

const NO_OPTIONS: RequestOptions = {};

interface Active {
  readonly driver: SessionDriver<TransportAddress>;
  initialized: boolean;
  inFlight: number;
  readonly expiresAt: number | undefined;
  /** Set on a replaced connection: called when its last request is done. */
  onIdle: (() => void) | undefined;
}

/**
 * One connection to one DC: its session driver (which reconnects by itself and resends unanswered
 * requests with their msg_id), initConnection on each new session, and PFS temporary keys renewed
 * before they expire (https://core.telegram.org/api/pfs).
 */
export class DcConnection {
  #active: Promise<Active> | undefined;
  /** `#active` once it has resolved: the hot path reads it without awaiting. */
  #opened: Active | undefined;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  /** Replaced (renewed) connections still finishing their requests. */
  readonly #draining = new Set<Active>();

  constructor(private readonly deps: DcConnectionDeps) {}

  get dcId(): number {
    return this.deps.address.dcId;
  }

  /** Requests waiting for an answer on this connection (0 before it opened): spreads file parts. */
  get load(): number {
    return this.#opened?.inFlight ?? 0;
  }

  /** Opens the driver with its keys (made, loaded, bound) without a request of its own. */
  async open(): Promise<void> {
    await this.#ready();
  }

  async invoke(request: TlObject, options: RequestOptions): Promise<unknown> {
    return this.#send(await this.#ready(), request, options, 0);
  }

  /**
   * Sends at once when the driver is open and its session already ran initConnection, else returns
   * undefined (the caller then takes `invoke`). Saves the hot path an await and a promise per call.
   */
  invokeIfReady(request: TlObject, options: RequestOptions | undefined): Promise<unknown> | undefined {
    const active = this.#opened;
    if (active === undefined || !active.initialized || this.#closed) return undefined;
    active.inFlight++;
    return active.driver.invoke(request, options ?? NO_OPTIONS).then(
      (result) => {
        this.#settled(active);
        return result;
      },
      (error: unknown) => {
        this.#settled(active);
        return this.#afterFailure(active, request, options ?? NO_OPTIONS, error, 0);
      },
    );
  }

  async #send(active: Active, request: TlObject, options: RequestOptions, attempt: number): Promise<unknown> {
    const wrap = !active.initialized;
    active.inFlight++;
    let result: unknown;
    try {
      result = await active.driver.invoke(wrap ? this.deps.wrapInit(request) : request, options);
    } catch (error) {
      this.#settled(active);
      return this.#afterFailure(active, request, options, error, attempt);
    }
    this.#settled(active);
    if (wrap) active.initialized = true;
    return result;
  }

  #settled(active: Active): void {
    active.inFlight--;
    if (active.inFlight === 0) active.onIdle?.();
  }

  /** -404: the server forgot the key we run on (an expired temp key, a wiped server). Start over once. */
  async #afterFailure(
    active: Active,
    request: TlObject,
    options: RequestOptions,
    error: unknown,
    attempt: number,
  ): Promise<unknown> {
    if (!(error instanceof SessionError && error.code === "AUTH_KEY_UNKNOWN") || attempt > 0 || this.#closed)
      throw error;
    await this.#discard(active);
    return this.#send(await this.#ready(), request, options, attempt + 1);
  }

  /** Drops the socket and connects again now; a connection not opened yet has nothing to do. */
  async reconnect(reason: string): Promise<void> {
    const opened = this.#opened;
    if (opened === undefined || this.#closed) return;
    await opened.driver.reconnect(reason);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#renewTimer !== undefined) clearTimeout(this.#renewTimer);
    this.#renewTimer = undefined;
    const active = this.#active;
    this.#active = undefined;
    this.#opened = undefined;
    const draining = [...this.#draining].map((a) => a.driver.close());
    this.#draining.clear();
    await Promise.all(draining);
    if (active === undefined) return;
    const opened = await active.catch(() => undefined);
    if (opened === undefined) return;
    await this.#saveSalt(opened);
    await opened.driver.close();
  }

  /** The salt in use goes back to storage, so the next run does not start with a bad_server_salt round trip. */
  async #saveSalt(active: Active): Promise<void> {
    // Salts are stored per DC and belong to the main connection's key; a media connection runs on
    // a temp key of its own, whose salt would overwrite it.
    if (this.deps.address.media === true) return;
    const salt = active.driver.session.state.salts.current;
    if (salt === 0n) return;
    const nowSeconds = Math.floor(this.deps.env.now() / 1000);
    try {
      await this.deps.storage.salts.set(this.dcId, [{ salt, validSince: nowSeconds, validUntil: nowSeconds + 1800 }]);
    } catch {
      // A closed storage only costs that round trip.
    }
  }

  #ready(): Promise<Active> {
    if (this.#closed) return Promise.reject(new SessionError("CLOSED", "connection closed"));
    if (this.#active === undefined) {
      const starting = this.#start();
      this.#active = starting;
      starting.then(
        (active) => {
          if (this.#active === starting) this.#opened = active;
        },
        () => {
          if (this.#active === starting) this.#active = undefined;
        },
      );
    }
    return this.#active;
  }

  async #discard(active: Active): Promise<void> {
    if (this.deps.pfs === undefined) {
      await this.deps.storage.authKeys.setPermanent(this.dcId, null);
      this.deps.keys.forget(this.dcId);
    } else {
      await this.deps.storage.authKeys.setTemp(this.dcId, null, this.deps.address.media === true ? "media" : "main");
    }
    if (this.#renewTimer !== undefined) clearTimeout(this.#renewTimer);
    this.#active = undefined;
    this.#opened = undefined;
    await active.driver.close();
  }

  async #start(): Promise<Active> {
    // Its failure is the first connection's business; this one then makes its own keys.
    await this.deps.after?.().catch(() => undefined);
    const { address, pfs, storage } = this.deps;
    const permanent = this.deps.keys.permanent(address);
    // Awaited on every path below; this only keeps a failure during the storage read from counting as unhandled.
    permanent.catch(() => undefined);
    if (pfs === undefined) {
      const perm = await permanent;
      return this.#open(perm.authKey, perm.serverSalt, perm.timeOffsetMs, undefined);
    }
    const nowSeconds = Math.floor(this.deps.env.now() / 1000);
    // A stored temp key was bound before it was stored, so it is usable as is.
    const slot = address.media === true ? "media" : "main";
    const stored = await storage.authKeys.getTemp(this.dcId, nowSeconds + pfs.renewBeforeSeconds, slot);
    if (stored !== null) {
      const perm = await permanent;
      const active = await this.#open(
        createAuthKey(this.deps.env.crypto, stored.key),
        perm.serverSalt,
        0,
        stored.expiresAt,
      );
      this.#scheduleRenewal(stored.expiresAt);
      return active;
    }
    // Neither handshake needs the other's result, so a fresh client runs both at once (each on its
    // own connection): the first call waits for one handshake's round trips instead of two.
    const temporary = this.deps.keys.temporary(address, pfs.lifetimeSeconds);
    const [perm] = await Promise.all([permanent, temporary]);
    return this.#openTemp(perm.authKey, temporary);
  }

  async #openTemp(permKey: AuthKey, started?: Promise<HandshakeResult>): Promise<Active> {
    const pfs = this.deps.pfs!;
    const temp = await (started ?? this.deps.keys.temporary(this.deps.address, pfs.lifetimeSeconds));
    const expiresAt = temp.expiresAt ?? Math.floor(this.deps.env.now() / 1000) + pfs.lifetimeSeconds;
    const active = await this.#open(temp.authKey, temp.serverSalt, temp.timeOffsetMs, expiresAt);
    try {
      await active.driver.bindTempAuthKey(permKey, expiresAt);
    } catch (error) {
      await active.driver.close();
      throw error;
    }
    const slot = this.deps.address.media === true ? "media" : "main";
    await this.deps.storage.authKeys.setTemp(this.dcId, { key: temp.authKey.key, expiresAt }, slot);
    this.deps.onBound(expiresAt);
    this.#scheduleRenewal(expiresAt);
    return active;
  }

  async #open(
    authKey: AuthKey,
    serverSalt: bigint | undefined,
    timeOffsetMs: number,
    expiresAt: number | undefined,
  ): Promise<Active> {
    const driver = new SessionDriver<TransportAddress>({
      env: this.deps.env,
      transport: this.deps.newTransport(this.deps.address),
      address: this.deps.address,
      apiRegistry,
      authKey,
      ...(serverSalt === undefined ? {} : { serverSalt }),
      timeOffsetMs,
      requestTimeoutMs: this.deps.requestTimeoutMs,
      pingIntervalMs: this.deps.pingIntervalMs,
      ...(this.deps.deadConnectionTimeoutMs === undefined
        ? {}
        : { deadConnectionTimeoutMs: this.deps.deadConnectionTimeoutMs }),
      onEvent: (event) => {
        if (event.type === "new-session") active.initialized = false;
        this.deps.onSessionEvent(event);
      },
    });
    const active: Active = { driver, initialized: false, inFlight: 0, expiresAt, onIdle: undefined };
    await driver.connect();
    return active;
  }

  /** Re-key shortly before expiry on a new connection; the old one closes when its requests are done. */
  #scheduleRenewal(expiresAt: number): void {
    const pfs = this.deps.pfs!;
    if (this.#renewTimer !== undefined) clearTimeout(this.#renewTimer);
    const delayMs = Math.max(0, (expiresAt - pfs.renewBeforeSeconds) * 1000 - this.deps.env.now());
    this.#renewTimer = setTimeout(() => {
      this.#renewTimer = undefined;
      void this.#renew();
    }, delayMs);
  }

  async #renew(): Promise<void> {
    if (this.#closed) return;
    const previous = this.#active;
    try {
      const perm = await this.deps.keys.permanent(this.deps.address);
      const next = await this.#openTemp(perm.authKey);
      if (this.#isClosed()) {
        await next.driver.close();
        return;
      }
      this.#active = Promise.resolve(next);
      this.#opened = next;
      const old = await previous;
      if (old !== undefined) this.#drainThenClose(old);
    } catch {
      // Try again soon; the current key still works until it expires (then -404 re-keys).
      if (!this.#isClosed()) this.#renewTimer = setTimeout(() => void this.#renew(), 5000);
    }
  }

  /** A method, not the field: the flag changes while we await, which narrowing cannot see. */
  #isClosed(): boolean {
    return this.#closed;
  }

  #drainThenClose(old: Active): void {
    const closeOld = (): void => {
      this.#draining.delete(old);
      void old.driver.close();
    };
    if (old.inFlight === 0) {
      closeOld();
      return;
    }
    this.#draining.add(old);
    old.onIdle = closeOld;
  }
}
