// Secret chats on the test server: a relay of opaque bytes (https://core.telegram.org/api/end-to-end).
import type { HandlerDeps } from "../handlers/handler-deps.js";
import { registerSecretChatHandlers } from "./secret-chat-handlers.js";
import { registerSecretMessageHandlers } from "./secret-message-handlers.js";

export { withEncryptedMessages } from "./secret-difference.js";
export { type QueuedMessage, type RelayChat, SecretRelay, secretRelayOf } from "./secret-relay.js";

export function registerSecretHandlers(deps: HandlerDeps): void {
  registerSecretChatHandlers(deps);
  registerSecretMessageHandlers(deps);
}
