// Secret chats (https://core.telegram.org/api/end-to-end): the sans-IO core and its parts.
export { type DhConfigWithRandom, DhConfigCache, type DhParams } from "./dh-config-cache.js";
export { KEY_GRID_COLOURS, type KeyVisualization, keyVisualizationBytes, visualizeKey } from "./key-visual.js";
export { MAX_SECRET_LAYER, MIN_SECRET_LAYER } from "./layer-message.js";
export { REKEY_AFTER_MESSAGES, REKEY_AFTER_MS } from "./rekey.js";
export { SecretChatProtocolError, type SecretChatProtocolErrorCode } from "./secret-chat-error.js";
export { DEFAULT_WINDOW, SecretChatCore, type SecretChatCoreOptions } from "./secret-chat-core.js";
export type { OutboundPacket, SecretChatEvent } from "./secret-chat-events.js";
export { answerRequest, beginRequest, completeRequest, type NewChatInput, newChatState } from "./secret-chat-setup.js";
export type {
  HeldMessage,
  OutboxEntry,
  RekeyState,
  SecretChatState,
  SecretKeyRecord,
  TtlEntry,
} from "./secret-chat-state.js";
export { computeSharedKey, type DhHalf, makeDhHalf, type SharedKey } from "./secret-dh.js";
export { MemorySecretChatStore, type PendingRequestRecord, type SecretChatStore } from "./secret-chat-store.js";
export { SecretChat, type SecretChatPort } from "./secret-chat.js";
export { type ApiInvoker, SecretChats, type SecretChatsEvent, type SecretChatsOptions } from "./secret-chats.js";
export { KvSecretChatStore } from "./kv-secret-chat-store.js";
export { decodeChatState, decodeTagged, encodeChatState, encodeTagged } from "./secret-state-codec.js";
export { secretUpdatesOf } from "./raw-updates.js";
export {
  checkFileKey,
  decryptFileBytes,
  type EncryptedFileKeys,
  encryptedLengthOf,
  encryptFileBytes,
  type FileDecryption,
  newFileKeys,
} from "./encrypted-file.js";
export {
  buildSecretMedia,
  checkMediaOptions,
  describeSecretMedia,
  MAX_THUMBNAIL_BYTES,
  type SecretMediaDescription,
  type SecretMediaOptions,
  type SecretThumbnail,
} from "./secret-media.js";
export {
  type DownloadSecretFileOptions,
  downloadSecretFile,
  downloadSecretFileBytes,
  type ReceivedMedia,
  type SecretFileHost,
  type SecretTransferOptions,
  type SendFileOptions,
  uploadSecretFile,
} from "./secret-files.js";
export { type PendingRequest, PendingRequests } from "./pending-requests.js";
