import type { ClientSessionEvent } from "../client/events.js";
import type { MessageRejectedError } from "../errors.js";

/** Events of the connection itself, next to the session's own. */
export type DriverConnectionEvent =
  /** The server answered a packet with transport error -404: it does not know the auth key. */
  | { readonly type: "auth-key-unknown" }
  /**
   * An incoming packet failed a check and was dropped; the answers of `askedAgain` waiting requests
   * were asked for again at once (msg_resend_req).
   */
  | { readonly type: "rejected"; readonly error: MessageRejectedError; readonly askedAgain: number }
  /** The connection closed with an error (`error`: why, e.g. a packet over the maximum); the driver reconnects. */
  | { readonly type: "connection-lost"; readonly error: Error }
  /** Nothing arrived for `silentMs` although a ping was due an answer: the driver reconnects now. */
  | { readonly type: "connection-dead"; readonly silentMs: number }
  /** A timer fired `lateMs` late (the machine slept, or the clock jumped): the driver pings with a short deadline. */
  | { readonly type: "connection-suspect"; readonly lateMs: number }
  /** The driver drops the transport and connects again now: `dead`, or the reason given to `reconnect()`. */
  | { readonly type: "reconnecting"; readonly reason: string }
  /**
   * The network or the server closed the connection cleanly (with an error it is `connection-lost`); the driver reconnects with backoff and resends
   * what is unanswered. Pushed updates sent meanwhile are lost: fetch the difference
   * (https://core.telegram.org/api/updates#recovering-gaps).
   */
  | { readonly type: "connection-dropped" };

/** Everything `SessionDriverOptions.onEvent` receives: updates, new_session_created, -404, liveness ... */
export type SessionDriverEvent = ClientSessionEvent | DriverConnectionEvent;
