export type ServerHandshakeErrorCode =
  | "UNEXPECTED_MESSAGE"
  | "NONCE_MISMATCH"
  | "SERVER_NONCE_MISMATCH"
  | "PQ_MISMATCH"
  | "UNKNOWN_FINGERPRINT"
  | "BAD_INNER_DATA"
  | "BAD_G_B"
  | "BAD_ENCRYPTED_DATA";

/** A client broke the auth-key exchange; the server answers with transport error -404. */
export class ServerHandshakeError extends Error {
  override readonly name = "ServerHandshakeError";
  constructor(
    readonly code: ServerHandshakeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
