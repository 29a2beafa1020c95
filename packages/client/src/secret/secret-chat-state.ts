/**
 * Everything a secret chat needs to continue after a restart, as plain data (numbers, bigints,
 * bytes) so any storage can keep it: keys, layers, sequence numbers, sent messages kept for
 * resend requests, messages held behind a gap, the re-keying exchange and self-destruct timers.
 */
import type { SecretChatRole } from "@mtkit/mtproto-crypto";
import type { RawEncryptedFile, TypeInputEncryptedFile } from "@mtkit/tl-core/api";
import type { DhParams } from "./dh-config-cache.js";

export interface SecretKeyRecord {
  readonly key: Uint8Array;
  readonly fingerprint: bigint;
}

/** A message we sent, kept (as DecryptedMessage TL) to answer decryptedMessageActionResend. */
export interface OutboxEntry {
  readonly rawOut: number;
  readonly rawIn: number;
  readonly randomId: bigint;
  readonly service: boolean;
  readonly message: Uint8Array;
  /** A media message's file: set to inputEncryptedFile once the server stored it, so a resend carries it. */
  file?: TypeInputEncryptedFile;
}

/** A decrypted message that arrived ahead of a gap, waiting for the missing ones. */
export interface HeldMessage {
  readonly rawIn: number;
  readonly rawOut: number;
  readonly layer: number;
  readonly message: Uint8Array;
  /** A resend request inside it was already answered on arrival (https://core.telegram.org/api/end-to-end/seq_no). */
  readonly actedOn: boolean;
  readonly file?: RawEncryptedFile;
}

export type RekeyState =
  | { readonly phase: "idle" }
  | { readonly phase: "requested"; readonly exchangeId: bigint; readonly exponent: bigint }
  | { readonly phase: "accepted"; readonly exchangeId: bigint; readonly next: SecretKeyRecord };

/** A message with a self-destruct timer: `expiresAt` is set once the recipient has read it. */
export interface TtlEntry {
  readonly randomId: bigint;
  readonly ttl: number;
  readonly outgoing: boolean;
  readonly expiresAt?: number;
}

export interface SecretChatState {
  readonly chatId: number;
  readonly accessHash: bigint;
  readonly peerUserId: number;
  readonly role: SecretChatRole;
  closed: boolean;
  /**
   * The app was told of the close (a `closed` event): the discard notice comes again in each
   * difference of the second it happened in, even after a restart, and must not be told twice.
   * Absent in states saved before it existed.
   */
  closeReported?: boolean;
  readonly dh: DhParams;
  key: SecretKeyRecord;
  /** The key before the last re-key, while messages encrypted with it may still arrive. */
  previousKey: SecretKeyRecord | undefined;
  /** The 36 bytes of the key visualisation, fixed at creation. */
  readonly visualization: Uint8Array;
  keyCreatedAt: number;
  /** Messages encrypted or decrypted with the current key. */
  keyUses: number;
  /** Messages encrypted with the current key (re-keying needs at least one). */
  keySent: number;
  /** The layer we write with: min(ours, the peer's notified layer). */
  layer: number;
  layerNotified: boolean;
  localIn: number;
  localOut: number;
  /** The highest in_seq_no the peer has confirmed. */
  lastPeerIn: number;
  outbox: OutboxEntry[];
  held: HeldMessage[];
  /** Highest raw out_seq_no of the peer we already asked to resend (-1: none). */
  resendRequestedTo: number;
  rekey: RekeyState;
  ttl: TtlEntry[];
  defaultTtl: number;
}
