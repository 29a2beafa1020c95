/**
 * Re-keying for forward secrecy (https://core.telegram.org/api/end-to-end/pfs), as pure transitions:
 * A sends RequestKey(g_a); B answers AcceptKey(g_b, fingerprint) and keeps using the old key; A
 * checks the fingerprint, sends CommitKey and switches; B switches on CommitKey. Either side aborts
 * with AbortKey. When both sides start at once, the request with the larger exchange_id survives:
 * each side compares the two ids the same way, so they agree without another round trip.
 */
import { type CryptoProvider, readInt64LE } from "@mtkit/mtproto-crypto";
import type {
  RawDecryptedMessageActionAbortKey,
  RawDecryptedMessageActionAcceptKey,
  RawDecryptedMessageActionCommitKey,
  RawDecryptedMessageActionRequestKey,
  TypeDecryptedMessageAction,
} from "@mtkit/tl-core/secret";
import type { DhParams } from "./dh-config-cache.js";
import { computeSharedKey, makeDhHalf } from "./secret-dh.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";
import type { RekeyState, SecretKeyRecord } from "./secret-chat-state.js";

export const REKEY_AFTER_MESSAGES = 100;
export const REKEY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface RekeyStep {
  readonly state: RekeyState;
  readonly send?: TypeDecryptedMessageAction;
  /** The new key to use from now on. */
  readonly switchTo?: SecretKeyRecord;
  readonly error?: SecretChatProtocolError;
}

const IDLE: RekeyState = { phase: "idle" };

function abort(exchangeId: bigint, error?: SecretChatProtocolError): RekeyStep {
  return {
    state: IDLE,
    send: { _: "decryptedMessageActionAbortKey", exchangeId },
    ...(error === undefined ? {} : { error }),
  };
}

/** Whether the current key is due for replacement: > 100 messages or a week, and used to send at least once. */
export function rekeyDue(keyUses: number, keySent: number, keyCreatedAt: number, now: number): boolean {
  return keySent > 0 && (keyUses > REKEY_AFTER_MESSAGES || now - keyCreatedAt > REKEY_AFTER_MS);
}

export function startRekey(crypto: CryptoProvider, dh: DhParams): RekeyStep {
  const exchangeId = readInt64LE(crypto.randomFill(new Uint8Array(8)), 0);
  const half = makeDhHalf(crypto, dh, new Uint8Array(0));
  return {
    state: { phase: "requested", exchangeId, exponent: half.exponent },
    send: { _: "decryptedMessageActionRequestKey", exchangeId, gA: half.publicValue },
  };
}

export function onRequestKey(
  crypto: CryptoProvider,
  dh: DhParams,
  state: RekeyState,
  action: RawDecryptedMessageActionRequestKey,
): RekeyStep {
  if (state.phase === "requested") {
    if (state.exchangeId > action.exchangeId) return { state }; // ours wins; the peer drops its own
    if (state.exchangeId === action.exchangeId) return abort(action.exchangeId);
  } else if (state.phase === "accepted") {
    const error = new SecretChatProtocolError("REKEY_PROTOCOL", "RequestKey while another exchange is unfinished");
    return { ...abort(action.exchangeId, error), state };
  }
  const half = makeDhHalf(crypto, dh, new Uint8Array(0));
  let next: SecretKeyRecord;
  try {
    next = computeSharedKey(crypto, dh, half, action.gA, "g_a of RequestKey");
  } catch (error) {
    if (error instanceof SecretChatProtocolError) return abort(action.exchangeId, error);
    throw error;
  }
  return {
    state: { phase: "accepted", exchangeId: action.exchangeId, next },
    send: {
      _: "decryptedMessageActionAcceptKey",
      exchangeId: action.exchangeId,
      gB: half.publicValue,
      keyFingerprint: next.fingerprint,
    },
  };
}

export function onAcceptKey(
  crypto: CryptoProvider,
  dh: DhParams,
  state: RekeyState,
  action: RawDecryptedMessageActionAcceptKey,
): RekeyStep {
  if (state.phase !== "requested" || state.exchangeId !== action.exchangeId) {
    return {
      state,
      error: new SecretChatProtocolError("REKEY_PROTOCOL", "AcceptKey for an exchange we did not start"),
    };
  }
  let next: SecretKeyRecord;
  try {
    next = computeSharedKey(
      crypto,
      dh,
      { exponent: state.exponent, publicValue: new Uint8Array(0) },
      action.gB,
      "g_b of AcceptKey",
    );
  } catch (error) {
    if (error instanceof SecretChatProtocolError) return abort(action.exchangeId, error);
    throw error;
  }
  if (next.fingerprint !== action.keyFingerprint) {
    return abort(
      action.exchangeId,
      new SecretChatProtocolError("KEY_FINGERPRINT_MISMATCH", "AcceptKey fingerprint differs from our key"),
    );
  }
  return {
    state: IDLE,
    send: { _: "decryptedMessageActionCommitKey", exchangeId: action.exchangeId, keyFingerprint: next.fingerprint },
    switchTo: next,
  };
}

export function onCommitKey(state: RekeyState, action: RawDecryptedMessageActionCommitKey): RekeyStep {
  if (state.phase !== "accepted" || state.exchangeId !== action.exchangeId) {
    return {
      state,
      error: new SecretChatProtocolError("REKEY_PROTOCOL", "CommitKey for an exchange we did not accept"),
    };
  }
  if (state.next.fingerprint !== action.keyFingerprint) {
    return abort(
      action.exchangeId,
      new SecretChatProtocolError("KEY_FINGERPRINT_MISMATCH", "CommitKey fingerprint differs from our key"),
    );
  }
  return { state: IDLE, switchTo: state.next };
}

export function onAbortKey(state: RekeyState, action: RawDecryptedMessageActionAbortKey): RekeyStep {
  if (state.phase !== "idle" && state.exchangeId === action.exchangeId) return { state: IDLE };
  return { state };
}
