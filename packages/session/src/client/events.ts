import type { MessageRejectedError, RpcError } from "../errors.js";
import type { FutureSalt } from "../core/salts.js";

/** What the client-role core reports after `receive()`; the driver turns these into promises. */
export type ClientSessionEvent =
  /** The decoded result of request `requestId`. */
  | { readonly type: "result"; readonly requestId: number; readonly result: unknown }
  /** The request failed with rpc_error. */
  | { readonly type: "rpc-error"; readonly requestId: number; readonly error: RpcError }
  /** The answer arrived but could not be decoded (e.g. a constructor from a newer layer). */
  | { readonly type: "result-undecodable"; readonly requestId: number; readonly cause: unknown }
  /** An object the server sent on its own (updates); undecodable ones come as raw bytes. */
  | { readonly type: "update"; readonly update: unknown; readonly raw: Uint8Array }
  /** new_session_created: the layer above should fetch missed updates (getDifference). */
  | { readonly type: "new-session"; readonly firstMsgId: bigint; readonly uniqueId: bigint }
  | { readonly type: "pong"; readonly pingId: bigint; readonly msgId: bigint }
  | { readonly type: "future-salts"; readonly salts: readonly FutureSalt[] }
  | { readonly type: "session-destroyed"; readonly sessionId: bigint; readonly existed: boolean }
  /** The answer to destroy_auth_key: destroy_auth_key_ok / _none / _fail. */
  | { readonly type: "auth-key-destroyed"; readonly result: string }
  /** The answer to rpc_drop_answer for a cancelled request. */
  | { readonly type: "drop-answer"; readonly requestId: number; readonly outcome: "unknown" | "running" | "dropped" }
  /** msgs_state_info / msgs_all_info: status bytes of the asked ids. */
  | { readonly type: "msgs-state"; readonly msgIds: readonly bigint[]; readonly info: Uint8Array }
  /** The server acknowledged receipt of these requests. */
  | { readonly type: "acked"; readonly requestIds: readonly number[] }
  /** A bad_msg_notification that cannot be fixed by resending (the request fails). */
  | { readonly type: "bad-msg"; readonly requestId: number; readonly errorCode: number }
  /**
   * A message inside an accepted packet was dropped (a bad container item or msg_copy, a service
   * message that does not decode): reported with its code, never passed up as an update.
   */
  | { readonly type: "dropped"; readonly error: MessageRejectedError }
  /** Something was queued (resend, ack, answer): call `flush()`. */
  | { readonly type: "flush-needed" };
