import type { ClientSessionOptions } from "../client/client-session.js";
import type { BackoffOptions } from "./backoff.js";
import type { SessionDriverEvent } from "./driver-events.js";
import type { HttpWaitOptions } from "./http-wait-poller.js";
import type { DriverTimers, DriverTransport } from "./transport.js";

/** What a SessionDriver runs on (transport, address, timers) and its timeouts and liveness settings. */
export interface SessionDriverOptions<Address> extends ClientSessionOptions {
  readonly transport: DriverTransport<Address>;
  readonly address: Address;
  /** Per-request timeout (ms); the request is then cancelled with rpc_drop_answer. Default 60 s. */
  readonly requestTimeoutMs?: number;
  /** Keep-alive ping_delay_disconnect period (ms), default 60 s; the server drops us 75 s after the last. */
  readonly pingIntervalMs?: number;
  /**
   * Silence after a ping (ms) that means the connection is dead although the socket looks open
   * (sleep, NAT entry dropped, network switch): the driver then reconnects at once. Default 15 s.
   * While requests wait and nothing arrives, a ping goes out after a third of this.
   */
  readonly deadConnectionTimeoutMs?: number;
  readonly disconnectDelaySeconds?: number;
  /** How long acks may wait for other traffic before going out alone (ms). */
  readonly ackDelayMs?: number;
  /**
   * Connections that may close with an error (a packet over the maximum, a codec error) while one
   * request waits; then it fails with SessionError CONNECTION_LOST instead of being resent for ever.
   * Default 3.
   */
  readonly maxConnectionLosses?: number;
  readonly backoff?: BackoffOptions;
  /** The long poll on request-response transports (those with `longPoll`, e.g. HTTP); ignored otherwise. */
  readonly httpWait?: HttpWaitOptions;
  readonly timers?: DriverTimers;
  /** Updates, new_session_created, -404, liveness ... everything not tied to one request. */
  readonly onEvent?: (event: SessionDriverEvent) => void;
}
