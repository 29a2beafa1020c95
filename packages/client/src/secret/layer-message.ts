/**
 * decryptedMessageLayer, the wrapper of every secret-chat message since layer 17
 * (https://core.telegram.org/api/end-to-end#sending-encrypted-messages): at least 15 random bytes,
 * the layer the sender wrote with, the two sequence numbers and the message.
 */
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { decodeObject, encodeObject, TlError } from "@mtkit/tl-core";
import {
  type RawDecryptedMessage,
  type RawDecryptedMessageLayer,
  type RawDecryptedMessageService,
  SECRET_LAYER,
  secretRegistry,
} from "@mtkit/tl-core/secret";
import { SecretChatProtocolError } from "./secret-chat-error.js";

/** MTProto 2.0 in secret chats starts at layer 73; we never write or read older layers. */
export const MIN_SECRET_LAYER = 73;
export const MAX_SECRET_LAYER = SECRET_LAYER;

/** The message constructors of layer >= 73, the only ones we write or accept. */
export type CurrentDecryptedMessage = RawDecryptedMessage | RawDecryptedMessageService;

/** decryptedMessageLayer with its message narrowed to the current constructors. */
export interface LayerMessage extends Omit<RawDecryptedMessageLayer, "message"> {
  readonly message: CurrentDecryptedMessage;
}

export function encodeLayerMessage(
  crypto: CryptoProvider,
  layer: number,
  inSeqNo: number,
  outSeqNo: number,
  message: CurrentDecryptedMessage,
): Uint8Array {
  const randomBytes = crypto.randomFill(new Uint8Array(16));
  const wrapped: RawDecryptedMessageLayer = {
    _: "decryptedMessageLayer",
    randomBytes,
    layer,
    inSeqNo,
    outSeqNo,
    message,
  };
  return encodeObject(secretRegistry, wrapped);
}

export function encodeInner(message: CurrentDecryptedMessage): Uint8Array {
  return encodeObject(secretRegistry, message);
}

function decode(bytes: Uint8Array): unknown {
  try {
    return decodeObject(secretRegistry, bytes);
  } catch (error) {
    if (error instanceof TlError)
      throw new SecretChatProtocolError("DECODE_FAILED", `secret message: ${error.message}`);
    throw error;
  }
}

export function decodeInner(bytes: Uint8Array): CurrentDecryptedMessage {
  const value = decode(bytes) as { _: string };
  if (value._ !== "decryptedMessage" && value._ !== "decryptedMessageService") {
    throw new SecretChatProtocolError(
      "DECODE_FAILED",
      `${value._} is not a DecryptedMessage of layer >= ${MIN_SECRET_LAYER}`,
    );
  }
  return value as CurrentDecryptedMessage;
}

/** Decodes and checks the wrapper: known layer range, enough random bytes, a current message constructor. */
export function decodeLayerMessage(bytes: Uint8Array): LayerMessage {
  const value = decode(bytes) as { _: string };
  if (value._ !== "decryptedMessageLayer")
    throw new SecretChatProtocolError("DECODE_FAILED", `${value._} is not decryptedMessageLayer`);
  const wrapped = value as RawDecryptedMessageLayer;
  if (wrapped.layer > MAX_SECRET_LAYER) {
    throw new SecretChatProtocolError(
      "LAYER_FROM_FUTURE",
      `message written in layer ${wrapped.layer}, we know up to ${MAX_SECRET_LAYER}`,
    );
  }
  if (wrapped.layer < MIN_SECRET_LAYER)
    throw new SecretChatProtocolError("LAYER_TOO_OLD", `message written in layer ${wrapped.layer}`);
  if (wrapped.randomBytes.length < 15)
    throw new SecretChatProtocolError("DECODE_FAILED", "random_bytes shorter than 15 bytes");
  const inner = wrapped.message._;
  if (inner !== "decryptedMessage" && inner !== "decryptedMessageService") {
    throw new SecretChatProtocolError("DECODE_FAILED", `${inner} inside a layer-${wrapped.layer} message`);
  }
  return wrapped as LayerMessage;
}
