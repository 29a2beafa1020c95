import type { ClientSessionEvent } from "./events.js";
import type { OutgoingMessage } from "../core/outbox.js";
import type { SessionState } from "../core/session-state.js";

/** What a client-role handler may do: read/modify state, report events, queue messages. */
export interface ClientHandlerContext {
  readonly state: SessionState;
  emit(event: ClientSessionEvent): void;
  /** Resends messages with fresh msgIds (optionally outside containers). */
  resend(messages: readonly OutgoingMessage[], options?: { readonly containable?: boolean }): void;
  /** Queues a service object that nobody waits for (msgs_ack, msgs_state_info, ...). */
  sendService(body: Uint8Array, contentRelated: boolean): void;
  /** Internal requests (ping, drop, salts, destroy_session) finish here instead of reaching the user. */
  finishInternal(message: OutgoingMessage, result: unknown): boolean;
  /** A request is gone for good (answer received or failed): forget it. */
  complete(msgId: bigint): OutgoingMessage | undefined;
}
