/** A message queued for a client session. */
export interface OutgoingMessage {
  readonly body: Uint8Array;
  /** Content-related messages get an odd seq_no and must be acknowledged by the client. */
  readonly contentRelated: boolean;
  /** Responses to a client message get msg_id ≡ 1 mod 4, anything else ≡ 3. */
  readonly isResponse: boolean;
}
