import { registerCodeLogin } from "./auth/code-login.js";
import { registerPasswordLogin } from "./auth/password-login.js";
import { registerQrLogin } from "./auth/qr-login.js";
import { registerTransferLogin } from "./auth/transfer-login.js";
import { registerContactHandlers } from "./contacts/contact-handlers.js";
import type { HandlerDeps } from "./handler-deps.js";
import { registerChannelHandlers } from "./channels/channel-handlers.js";
import { registerChangeHandlers } from "./messages/change-handlers.js";
import { registerChatHandlers } from "./messages/chat-handlers.js";
import { registerForwardHandler } from "./messages/forward-handler.js";
import { registerDialogHandlers } from "./messages/dialog-handlers.js";
import { registerHistoryHandlers } from "./messages/history-handlers.js";
import { registerSendHandlers } from "./messages/send-handlers.js";
import { registerMediaHandlers } from "./messages/media-handlers.js";
import { registerUpdateHandlers } from "./updates/update-handlers.js";
import { registerUserHandlers } from "./users/user-handlers.js";
import { registerSecretHandlers } from "../secret/index.js";

/** Every namespace's handlers, through the server's public `handle()`. */
export function registerWorldHandlers(deps: HandlerDeps): void {
  registerCodeLogin(deps);
  registerPasswordLogin(deps);
  registerTransferLogin(deps);
  registerQrLogin(deps);
  registerUserHandlers(deps);
  registerContactHandlers(deps);
  registerSendHandlers(deps);
  registerMediaHandlers(deps);
  registerHistoryHandlers(deps);
  registerChangeHandlers(deps);
  registerDialogHandlers(deps);
  registerUpdateHandlers(deps);
  registerChatHandlers(deps);
  registerForwardHandler(deps);
  registerChannelHandlers(deps);
  registerSecretHandlers(deps);
}
