import type { ServerKeyStore } from "./key-store.js";
import type { ServerEvent } from "./server-events.js";
import type { ServerSession } from "./server-session.js";
import type { ServerSessionStore } from "./session-store.js";

/** What a server-role handler may use: the session the message arrived in, and the event sink. */
export interface ServerHandlerContext {
  readonly session: ServerSession;
  readonly sessions: ServerSessionStore;
  readonly keys: ServerKeyStore;
  emit(event: ServerEvent): void;
}
