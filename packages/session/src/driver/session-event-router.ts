import type { ClientSessionEvent } from "../client/events.js";
import { SessionError } from "../errors.js";
import type { SessionDriverEvent } from "./driver-events.js";
import type { PendingRequests } from "./pending-requests.js";
import type { PingWaiters } from "./ping-waiters.js";

/**
 * Where an event of the ClientSession goes: an answer (result, rpc_error, bad_msg_notification) to
 * the request that waits for it, a pong to its ping, everything else to the app's `onEvent`.
 */
export function routeSessionEvent(
  event: ClientSessionEvent,
  pending: PendingRequests,
  pingWaiters: PingWaiters,
  onEvent: ((event: SessionDriverEvent) => void) | undefined,
): void {
  switch (event.type) {
    case "result":
      pending.resolve(event.requestId, event.result);
      return;
    case "rpc-error":
      pending.reject(event.requestId, event.error);
      return;
    case "result-undecodable":
      pending.reject(event.requestId, new SessionError("BAD_MSG", "answer could not be decoded", event.cause));
      return;
    case "bad-msg":
      pending.reject(event.requestId, new SessionError("BAD_MSG", `bad_msg_notification ${event.errorCode}`));
      return;
    case "flush-needed":
      return;
    case "pong":
      pingWaiters.resolve(event.pingId);
      onEvent?.(event);
      return;
    default:
      onEvent?.(event);
  }
}
