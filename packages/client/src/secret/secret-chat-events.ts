/** What a secret-chat core tells its host: packets to send and events for the app. */
import type { RawEncryptedFile, TypeInputEncryptedFile } from "@mtkit/tl-core/api";
import type { TypeDecryptedMessageMedia, TypeSendMessageAction } from "@mtkit/tl-core/secret";
import type { SecretChatProtocolError } from "./secret-chat-error.js";
import type { SecretMediaDescription } from "./secret-media.js";

/** One encrypted message for messages.sendEncrypted (service: sendEncryptedService). */
export interface OutboundPacket {
  readonly randomId: bigint;
  readonly data: Uint8Array;
  readonly service: boolean;
  /** The encrypted file of a media message: messages.sendEncryptedFile instead of sendEncrypted. */
  readonly file?: TypeInputEncryptedFile;
}

export type SecretChatEvent =
  | {
      readonly type: "message";
      readonly randomId: bigint;
      readonly text: string;
      readonly ttl: number;
      readonly media: TypeDecryptedMessageMedia | undefined;
      /** A document's or photo's size, name, mime type, thumbnail and attributes, read from `media`. */
      readonly description: SecretMediaDescription | undefined;
      /** The encrypted file the server attached (download it with `chat.downloadFile(event)`). */
      readonly file: RawEncryptedFile | undefined;
    }
  | { readonly type: "read"; readonly randomIds: readonly bigint[] }
  | { readonly type: "deleted"; readonly randomIds: readonly bigint[]; readonly reason: "ttl" | "peer" }
  | { readonly type: "history_flushed" }
  | { readonly type: "screenshot"; readonly randomIds: readonly bigint[] }
  | { readonly type: "typing"; readonly action: TypeSendMessageAction }
  | { readonly type: "ttl_changed"; readonly ttl: number }
  | { readonly type: "layer"; readonly layer: number }
  | { readonly type: "rekeyed"; readonly fingerprint: bigint }
  | { readonly type: "error"; readonly error: SecretChatProtocolError }
  /** The peer broke a rule the spec says ends the chat; the host should discard it. */
  | { readonly type: "aborted"; readonly error: SecretChatProtocolError };
