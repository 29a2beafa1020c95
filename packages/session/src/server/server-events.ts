import type { MessageRejectedError } from "../errors.js";
import type { ServerAuthKeyRecord } from "./key-store.js";
import type { ServerSession } from "./server-session.js";

/** What the server-role core reports; the I/O layer (test server) acts on each. */
export type ServerEvent =
  /** Bytes to write to the connection (handshake answers; encrypted packets come from `flush()`). */
  | { readonly type: "send"; readonly packet: Uint8Array }
  /** An API call to execute; answer with `session.sendResult(reqMsgId, ...)` or `sendError`. */
  | {
      readonly type: "request";
      readonly session: ServerSession;
      readonly reqMsgId: bigint;
      /** The decoded request (`invokeWithLayer` / `initConnection` wrappers included). */
      readonly request: { readonly _: string };
    }
  /** A packet for an auth_key_id the server does not know: send transport error -404. */
  | { readonly type: "auth-key-unknown"; readonly authKeyId: bigint }
  /** A packet failed the security checks and was dropped (log it; do not answer). */
  | { readonly type: "rejected"; readonly error: MessageRejectedError }
  /** Auth-key creation finished; the key is already in the key store. */
  | { readonly type: "auth-key-created"; readonly record: ServerAuthKeyRecord }
  /** Auth-key creation failed (bad client data); close the connection. */
  | { readonly type: "handshake-failed"; readonly error: Error }
  /** A client session appeared (new_session_created was queued). */
  | { readonly type: "session-created"; readonly session: ServerSession }
  /**
   * The session store's bounds made it forget this session (least recently used); its client's
   * next message opens a new session. https://core.telegram.org/mtproto/service_messages#new-session-creation-notification
   */
  | { readonly type: "session-evicted"; readonly session: ServerSession }
  /** ping_delay_disconnect: close the connection if nothing arrives for `seconds`. */
  | { readonly type: "disconnect-delay"; readonly seconds: number }
  /** A temporary key was bound to a permanent one (auth.bindTempAuthKey succeeded). */
  | { readonly type: "temp-key-bound"; readonly tempKeyId: bigint; readonly permKeyId: bigint }
  /** The client cancelled a running request (rpc_drop_answer); its answer will be discarded. */
  | { readonly type: "request-dropped"; readonly session: ServerSession; readonly reqMsgId: bigint }
  /** destroy_auth_key: the key left the key store (its answer is still queued). */
  | { readonly type: "auth-key-destroyed"; readonly authKeyId: bigint }
  /**
   * http_wait (https://core.telegram.org/mtproto/service_messages#long-poll-http-wait): over HTTP, the
   * answer to the packet being received may be held up to `maxWaitMs` until there is something to send.
   */
  | {
      readonly type: "http-wait";
      readonly maxDelayMs: number;
      readonly waitAfterMs: number;
      readonly maxWaitMs: number;
    }
  /** Something was queued for this connection: call `flush()`. */
  | { readonly type: "flush-needed" };
