/**
 * Typed failures of the secret-chat protocol (https://core.telegram.org/api/end-to-end). A bad
 * packet from the peer or the server raises one of these and changes nothing in the chat's state.
 */
export type SecretChatProtocolErrorCode =
  | "DH_CONFIG_INVALID"
  | "DH_VALUE_OUT_OF_RANGE"
  | "KEY_FINGERPRINT_MISMATCH"
  | "UNKNOWN_KEY"
  | "TAMPERED"
  | "BAD_PADDING"
  | "DECODE_FAILED"
  | "LAYER_FROM_FUTURE"
  | "LAYER_TOO_OLD"
  | "SEQ_PARITY"
  | "SEQ_OUT_OF_RANGE"
  | "SEQ_GAP_TOO_LARGE"
  | "REPLAYED"
  | "RESEND_OUT_OF_RANGE"
  | "REKEY_PROTOCOL"
  | "CHAT_CLOSED"
  /** Packets produced while handling an update could not be sent (they stay in the outbox for resend requests). */
  | "SEND_FAILED"
  /** An encrypted file whose key_fingerprint is not that of the key and iv its message carries. */
  | "FILE_FINGERPRINT_MISMATCH"
  /** An encrypted file whose length does not fit the size its message carries. */
  | "FILE_SIZE_MISMATCH"
  /** A message whose media needs a file the server did not attach. */
  | "FILE_MISSING"
  /** More events came before the first listener than are held for it (the oldest were let go). */
  | "EVENTS_DROPPED";

export class SecretChatProtocolError extends Error {
  override readonly name = "SecretChatProtocolError";
  readonly code: SecretChatProtocolErrorCode;
  /** The chat the packet was for, when known. */
  readonly chatId: number | undefined;

  constructor(code: SecretChatProtocolErrorCode, message: string, chatId?: number) {
    super(message);
    this.code = code;
    this.chatId = chatId;
  }
}
