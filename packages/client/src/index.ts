// Public surface of @mtkit/client; see README.md. SQLite lives in `@mtkit/client/sqlite`,
// IndexedDB in `@mtkit/client/idb`, the storage test suite in `@mtkit/client/storage-conformance`,
// secret chats in `@mtkit/client/secret`.

export { RpcError, isRpcError, type RpcErrorName } from "./errors/rpc-error.js";
export { classifyRpcError, type RpcErrorClass, type RpcErrorKind } from "./errors/classify-rpc-error.js";
export { parseRpcErrorMessage, type ParsedRpcErrorMessage } from "./errors/parse-rpc-error-message.js";
export type { KnownRpcErrorName, KnownRpcErrors } from "./generated/known-rpc-errors.js";

export { CancelledError } from "./retry/cancelled-error.js";
export { ClientLifetime } from "./retry/client-lifetime.js";
export { abortableSleep, type Sleep } from "./retry/abortable-sleep.js";
export {
  decideRetry,
  DEFAULT_RETRY_POLICY,
  INITIAL_RETRY_STATE,
  type RetryDecision,
  type RetryPolicy,
  type RetryState,
} from "./retry/retry-policy.js";
export {
  runWithRetry,
  type RetryEvent,
  type RetryGiveUpEvent,
  type RetryRunOptions,
  type RetryWaitEvent,
} from "./retry/run-with-retry.js";

export type * from "./storage/types.js";
export { SessionLockedError, StorageError, AUTH_KEY_LENGTH } from "./storage/storage-error.js";
export { MemoryStorage } from "./storage/memory/memory-storage.js";
export {
  exportStringSession,
  importStringSession,
  STRING_SESSION_VERSION,
  type StringSessionData,
} from "./storage/string-session/string-session.js";
export { StringSessionError } from "./storage/string-session/string-session-error.js";
export { exportSessionFromStorage, importSessionIntoStorage } from "./storage/string-session/storage-transfer.js";

export { PeerCache, type PeerCacheOptions } from "./peers/peer-cache.js";
export type { PeerServerLookup } from "./peers/peer-server-lookup.js";
export { PeerNotFoundError, PeerKindError, type PeerLookupAttempt } from "./peers/peer-not-found-error.js";
export { parsePeerRef, type PeerQuery, type PeerRef } from "./peers/parse-peer-ref.js";
export { markPeerId, unmarkPeerId } from "./peers/marked-peer-id.js";
export { inputPeerFromRecord, toInputChannel, toInputUser } from "./peers/input-peer.js";
export type * from "./peers/tl-peer-types.js";

export { TelegramClient } from "./client/telegram-client.js";
export {
  TELEGRAM_PRODUCTION_DCS,
  TELEGRAM_TEST_DCS,
  telegramDcEndpoints,
  type TelegramDc,
} from "./client/telegram-dcs.js";
export { DC_OPTIONS_KEY, loadDcOptions, saveDcOptions } from "./client/dc-options-store.js";
export { parseProxyLink, isProxyLink, ProxyLinkError, type ProxyLink } from "./client/proxy-link.js";
export type { TcpTransportName, TransportOption } from "./client/transport-choice.js";
export type { InvokeOptions } from "./client/request-runner.js";
export {
  DEFAULT_DEVICE_INFO,
  type ClientEvent,
  type DcEndpointOption,
  type DeviceInfo,
  type PfsOptions,
  type TelegramClientOptions,
} from "./client/options.js";
export {
  createConsoleLogger,
  LOG_LEVELS,
  type ClientLogger,
  type ConsoleLoggerOptions,
  type LogLevel,
} from "./logging/logger.js";
export { describeClientEvent } from "./logging/describe-event.js";
export { wrapWithInitConnection } from "./client/init-connection.js";
export { SignUpRequiredError } from "./client/login/authorization.js";
export { PasswordLoginError } from "./client/login/password-login.js";
export type { SentCode } from "./client/login/phone-login.js";
export type { StartParams } from "./client/login/start.js";

export { UpdatesEngine, type UpdatesEngineDeps } from "./updates/updates-engine.js";
export { DEFAULT_UPDATES_OPTIONS, type UpdatesOptions } from "./updates/updates-options.js";
export type { DeliveredUpdates, UpdateSink } from "./updates/update-sink.js";
export type { UpdatesEvent, UpdatesFetchReason } from "./updates/updates-events.js";
export {
  UpdatesError,
  type UpdateBoxKey,
  type UpdatesProblem,
  type UpdatesProblemCode,
} from "./updates/updates-problem.js";
export { UpdatesCore, type UpdatesCoreOptions } from "./updates/updates-core.js";
export type { CoreOutput, TooLongNotice, UpdateBatch, UpdatesCommit, UpdatesNeed } from "./updates/update-batch.js";
export { checkPts, checkSeq, type BoxVerdict } from "./updates/box-check.js";
export * from "./files/index.js";

// What users call: messages, chats, formatting, events (TelegramClient delegates to these functions).
export * from "./text/index.js";
export * from "./events/index.js";
export type { ClientContext, Invoke } from "./messages/context.js";
export type { ChatType, Message } from "./messages/message.js";
export { UnexpectedAnswerError } from "./messages/unexpected-answer-error.js";
export type { PaceOptions, Page } from "./messages/paginate.js";
export type { SendTextOptions } from "./messages/send-text.js";
export type { EditMessageOptions } from "./messages/edit-message.js";
export type { DeleteMessagesOptions } from "./messages/delete-messages.js";
export type { ForwardMessagesOptions } from "./messages/forward-messages.js";
export type { ReadHistoryOptions } from "./messages/read-history.js";
export type { GetMessagesOptions } from "./messages/get-messages.js";
export type { GetHistoryOptions, HistoryCursor, HistoryPage, IterHistoryOptions } from "./messages/get-history.js";
export type { Chat } from "./chats/chat.js";
export type { Dialog, DialogsCursor, DialogsPage, GetDialogsOptions, IterDialogsOptions } from "./chats/dialogs.js";
export type {
  ChatMember,
  ChatMembersFilter,
  ChatMembersPage,
  ChatMemberStatus,
  GetChatMembersOptions,
  IterChatMembersOptions,
} from "./chats/chat-members.js";
export type { CreateChannelOptions, CreateGroupOptions } from "./chats/create-chats.js";
export type { AddChatMembersOptions, MembershipOptions } from "./chats/membership.js";
export { QrLoginError, type QrLoginOptions } from "./client/login/qr-login.js";
// Secret chats live in `@mtkit/client/secret` (TelegramClient.secretChats() loads them on first use).
