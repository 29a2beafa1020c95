/**
 * Typed errors of the session layer. Every rejection carries a machine-readable `code` so callers
 * (and tests) never parse messages.
 */

/** Failures of auth-key creation (https://core.telegram.org/mtproto/auth_key). */
export type HandshakeErrorCode =
  | "UNEXPECTED_MESSAGE"
  | "MALFORMED_MESSAGE"
  | "NONCE_MISMATCH"
  | "SERVER_NONCE_MISMATCH"
  | "UNKNOWN_FINGERPRINT"
  | "PQ_FACTORIZATION_FAILED"
  | "BAD_PQ"
  | "SERVER_DH_PARAMS_FAIL"
  | "BAD_ENCRYPTED_ANSWER"
  | "ANSWER_HASH_MISMATCH"
  | "BAD_DH_PRIME"
  | "BAD_G"
  | "G_A_OUT_OF_RANGE"
  | "G_B_OUT_OF_RANGE"
  | "NEW_NONCE_HASH_MISMATCH"
  | "DH_GEN_FAIL"
  | "TOO_MANY_RETRIES"
  | "RSA_DECRYPT_FAILED"
  | "BAD_INNER_DATA"
  | "BAD_RETRY_ID"
  | "WRONG_STATE"
  | "TIMEOUT"
  | "CONNECTION_CLOSED";

export class HandshakeError extends Error {
  override readonly name = "HandshakeError";
  constructor(
    readonly code: HandshakeErrorCode,
    message: string,
    readonly step?: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * Why an incoming encrypted message was dropped, following
 * https://core.telegram.org/mtproto/security_guidelines. Callers must treat every code like a
 * msg_key failure on the wire (discard, maybe reconnect); the code exists for logs and tests.
 */
export type MessageRejectCode =
  | "TOO_SHORT"
  | "AUTH_KEY_ID_MISMATCH"
  | "MSG_KEY_MISMATCH"
  | "BAD_LENGTH"
  | "BAD_PADDING"
  | "SESSION_ID_MISMATCH"
  | "MSG_ID_PARITY"
  | "MSG_ID_DUPLICATE"
  | "MSG_ID_TOO_OLD"
  | "MSG_ID_TOO_NEW"
  | "MALFORMED_BODY"
  | "GZIP_TOO_LARGE"
  | "GZIP_INVALID"
  | "NOT_PLAIN"
  | "UNKNOWN_AUTH_KEY";

export class MessageRejectedError extends Error {
  override readonly name = "MessageRejectedError";
  constructor(
    readonly code: MessageRejectCode,
    message: string,
    readonly msgId?: bigint,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Errors surfaced by the driver to `invoke()` callers. */
export type SessionErrorCode =
  | "TIMEOUT"
  | "ABORTED"
  | "CLOSED"
  | "TRANSPORT_ERROR"
  | "AUTH_KEY_UNKNOWN"
  | "BAD_MSG"
  | "SESSION_DESTROYED"
  | "TOO_LARGE"
  /** The connection closed with an error every time this request waited for its answer (bounded tries). */
  | "CONNECTION_LOST";

export class SessionError extends Error {
  override readonly name = "SessionError";
  constructor(
    readonly code: SessionErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(`${code}: ${message}`);
  }
}

/** An `rpc_error` answer: https://core.telegram.org/api/errors */
export class RpcError extends Error {
  override readonly name = "RpcError";
  /** The error name without its numeric argument, e.g. `FLOOD_WAIT` for `FLOOD_WAIT_42`. */
  readonly type: string;
  /** The trailing number of `FLOOD_WAIT_42`-style messages, if any. */
  readonly argument: number | undefined;
  constructor(
    readonly errorCode: number,
    readonly errorMessage: string,
  ) {
    super(`${errorCode} ${errorMessage}`);
    const match = /^(.*?)_(\d+)$/.exec(errorMessage) ?? /^(.*_)(\d+)(_.*)$/.exec(errorMessage);
    if (match === null) {
      this.type = errorMessage;
      this.argument = undefined;
    } else {
      this.type = match[3] === undefined ? match[1]! : `${match[1]!}X${match[3]}`;
      this.argument = Number(match[2]);
    }
  }
  is(type: string): boolean {
    return this.type === type;
  }
}
