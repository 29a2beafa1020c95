import { TransportError, TransportStatusError } from "@mtkit/transport-tcp/codec";
import { EventHub, type DcAddress, type Transport, type TransportListener } from "@mtkit/transport-tcp/transport";
import { HttpTransportError } from "./errors.js";
import { readCappedBody, type ResponseLike } from "./read-body.js";
import { RequestSlots } from "./request-slots.js";
import { transportStatusOf } from "./status.js";
import { httpTransportUrl } from "./url.js";

/** The slice of WHATWG `fetch` used here; the global one by default. */
export type FetchLike = (
  url: string,
  init: { readonly method: "POST"; readonly body: Uint8Array; readonly signal: AbortSignal },
) => Promise<ResponseLike>;

export interface HttpTransportOptions {
  /** Endpoint per address; default `http://<host>:<port>/api`. */
  readonly url?: string | ((address: DcAddress) => string);
  /** Default: the global `fetch` (browsers, Node >= 20, Deno, Bun). */
  readonly fetch?: FetchLike;
  /** Requests at once (one of them is usually the held long poll). Default 4. */
  readonly maxConcurrentRequests?: number;
  /** Sends waiting for a free request beyond this are refused. Default 256. */
  readonly maxQueuedRequests?: number;
  /** An answer not complete within this fails the connection (TIMEOUT). Default 60 s (a poll is held 25 s). */
  readonly requestTimeoutMs?: number;
  /** Longest answer body accepted. Default 2 MiB + 1 KiB (the TCP framings' packet limit). */
  readonly maxPacketLength?: number;
}

/** One connection's life, from connect() to its close event. */
interface Epoch {
  readonly url: string;
  readonly abort: AbortController;
  ended: boolean;
}

/**
 * MTProto over HTTP (https://core.telegram.org/mtproto/transports#http): each packet is the body of
 * one POST to `/api`, and each answer's body, when not empty, one packet from the server. There is no
 * handshake, framing or obfuscation. The server can only answer requests, so the transport exposes
 * `longPoll`: the session driver then keeps an http_wait outstanding
 * (https://core.telegram.org/mtproto/service_messages#long-poll-http-wait). HTTP 404/429/444 are the
 * transport errors -404/-429/-444, reported as `status` events as on TCP, followed by a close.
 */
export class HttpTransport implements Transport {
  private readonly hub = new EventHub();
  private readonly idleListeners = new Set<() => void>();
  private readonly slots: RequestSlots;
  private readonly fetchImpl: FetchLike;
  private epoch: Epoch | undefined;
  private inFlight = 0;

  readonly longPoll = {
    onIdle: (listener: () => void): (() => void) => {
      this.idleListeners.add(listener);
      return () => {
        this.idleListeners.delete(listener);
      };
    },
  };

  constructor(private readonly options: HttpTransportOptions = {}) {
    this.slots = new RequestSlots(options.maxConcurrentRequests ?? 4, options.maxQueuedRequests ?? 256);
    const globalFetch = (globalThis as { fetch?: FetchLike }).fetch;
    const fetchImpl = options.fetch ?? globalFetch?.bind(globalThis);
    if (fetchImpl === undefined) throw new TypeError("no fetch: pass options.fetch");
    this.fetchImpl = fetchImpl;
  }

  get closed(): boolean {
    return this.epoch === undefined || this.epoch.ended;
  }

  /** Nothing to dial: HTTP has no handshake. Resolves at once; an unreachable server shows on the first send. */
  connect(address: DcAddress, options?: { readonly signal?: AbortSignal }): Promise<void> {
    if (!this.closed) return Promise.reject(new TransportError("INVALID_STATE", "already connected; close() first"));
    if (options?.signal?.aborted === true) return Promise.reject(new TransportError("CLOSED", "connect aborted"));
    const url =
      typeof this.options.url === "function"
        ? this.options.url(address)
        : (this.options.url ?? httpTransportUrl(address));
    this.epoch = { url, abort: new AbortController(), ended: false };
    return Promise.resolve();
  }

  /** Resolves once the POST carrying `packet` has started; its answer arrives as a `packet` event. */
  async send(packet: Uint8Array): Promise<void> {
    const epoch = this.epoch;
    if (epoch === undefined || epoch.ended) throw new TransportError("CLOSED", "HTTP transport is not connected");
    this.inFlight++;
    try {
      await this.slots.acquire();
    } catch (error) {
      this.requestDone(epoch);
      throw error;
    }
    if (hasEnded(epoch)) {
      this.slots.release();
      this.requestDone(epoch);
      throw new TransportError("CLOSED", "HTTP transport closed");
    }
    void this.post(epoch, packet).finally(() => {
      this.slots.release();
      this.requestDone(epoch);
    });
  }

  subscribe(listener: TransportListener): () => void {
    return this.hub.subscribe(listener);
  }

  close(): Promise<void> {
    const epoch = this.epoch;
    if (epoch !== undefined) this.end(epoch, undefined);
    return Promise.resolve();
  }

  private async post(epoch: Epoch, packet: Uint8Array): Promise<void> {
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    const signal = AbortSignal.any([epoch.abort.signal, AbortSignal.timeout(timeoutMs)]);
    let response: ResponseLike;
    let body: Uint8Array;
    try {
      response = await this.fetchImpl(epoch.url, { method: "POST", body: packet, signal });
      const status = transportStatusOf(response.status);
      if (status !== undefined) {
        await response.body?.cancel().catch(() => undefined);
        if (epoch.ended) return;
        this.hub.emit({ type: "status", error: new TransportStatusError(status) });
        this.end(epoch, undefined); // as on TCP, the server is done with this connection
        return;
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        throw new HttpTransportError("HTTP_STATUS", `HTTP ${response.status} from ${epoch.url}`, response.status);
      }
      body = await readCappedBody(response, this.options.maxPacketLength ?? 2 * 1024 * 1024 + 1024);
    } catch (error) {
      if (epoch.ended) return; // our own close aborted it
      this.end(epoch, asTransportFailure(error, signal, timeoutMs, epoch.url));
      return;
    }
    if (epoch.ended || body.length === 0) return; // an empty answer: nothing was pending
    this.hub.emit({ type: "packet", packet: body });
  }

  private requestDone(epoch: Epoch): void {
    this.inFlight--;
    if (this.inFlight > 0 || epoch.ended || epoch !== this.epoch) return;
    for (const listener of [...this.idleListeners]) listener();
  }

  private end(epoch: Epoch, error: Error | undefined): void {
    if (epoch.ended) return;
    epoch.ended = true;
    epoch.abort.abort();
    this.slots.rejectWaiting(new TransportError("CLOSED", "HTTP transport closed"));
    this.hub.emit(error === undefined ? { type: "close" } : { type: "close", error });
  }
}

/** A function, not an inline check: `close()` may end the epoch while we await, which narrowing cannot see. */
function hasEnded(epoch: Epoch): boolean {
  return epoch.ended;
}

function asTransportFailure(error: unknown, signal: AbortSignal, timeoutMs: number, url: string): Error {
  if (error instanceof HttpTransportError) return error;
  if (signal.aborted) return new HttpTransportError("TIMEOUT", `no whole answer from ${url} within ${timeoutMs} ms`);
  const reason = error instanceof Error ? error.message : String(error);
  return new HttpTransportError("NETWORK", `POST ${url} failed: ${reason}`);
}

/** MTProto over HTTP; see `HttpTransport`. */
export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  return new HttpTransport(options);
}
