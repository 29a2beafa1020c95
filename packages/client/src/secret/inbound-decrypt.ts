/**
 * Picks the key a received packet names by its key_fingerprint (the current key, the one before
 * the last re-key while messages encrypted with it may still be in flight, or the key of a re-key
 * we accepted whose commit is still on its way), decrypts it as written by the peer's role and
 * unwraps decryptedMessageLayer (https://core.telegram.org/api/end-to-end#receiving-an-encrypted-message).
 */
import { decryptSecretMessage, readInt64LE, SecretChatError } from "@mtkit/mtproto-crypto";
import { decodeLayerMessage, type LayerMessage } from "./layer-message.js";
import { SecretChatProtocolError, type SecretChatProtocolErrorCode } from "./secret-chat-error.js";
import type { SecretChatCore } from "./secret-chat-core.js";
import type { SecretKeyRecord } from "./secret-chat-state.js";

function cryptoErrorCode(error: SecretChatError): SecretChatProtocolErrorCode {
  switch (error.code) {
    case "FINGERPRINT_MISMATCH":
      return "KEY_FINGERPRINT_MISMATCH";
    case "MSG_KEY_MISMATCH":
      return "TAMPERED";
    case "LENGTH_OUT_OF_RANGE":
    case "PADDING_OUT_OF_RANGE":
    case "INVALID_PADDING":
      return "BAD_PADDING";
    default:
      return "DECODE_FAILED";
  }
}

export function decryptInbound(
  core: SecretChatCore,
  data: Uint8Array,
): { wrapped: LayerMessage; withCurrentKey: boolean } {
  const s = core.state;
  if (data.length < 8) throw new SecretChatProtocolError("DECODE_FAILED", `packet of ${data.length} bytes`, s.chatId);
  const fingerprint = readInt64LE(data, 0);
  const candidates: (SecretKeyRecord | undefined)[] = [
    s.key,
    s.previousKey,
    s.rekey.phase === "accepted" ? s.rekey.next : undefined,
  ];
  const key = candidates.find((candidate) => candidate?.fingerprint === fingerprint);
  if (key === undefined)
    throw new SecretChatProtocolError("UNKNOWN_KEY", `no key with fingerprint ${fingerprint}`, s.chatId);
  const peer = s.role === "originator" ? "responder" : "originator";
  let tl: Uint8Array;
  try {
    tl = decryptSecretMessage(core.crypto, key.key, data, peer);
  } catch (error) {
    if (error instanceof SecretChatError)
      throw new SecretChatProtocolError(cryptoErrorCode(error), error.message, s.chatId);
    throw error;
  }
  return { wrapped: decodeLayerMessage(tl), withCurrentKey: key === s.key };
}
