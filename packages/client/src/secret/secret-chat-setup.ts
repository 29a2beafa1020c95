/**
 * Creating a secret chat (https://core.telegram.org/api/end-to-end#sending-a-request): the
 * originator sends g_a with messages.requestEncryption; the responder checks it, sends g_b and
 * the key fingerprint with messages.acceptEncryption; the originator checks g_b and that the
 * fingerprint in encryptedChat matches the key it computed. Both then start from a fresh state.
 */
import type { CryptoProvider, SecretChatRole } from "@mtkit/mtproto-crypto";
import type { DhConfigWithRandom, DhParams } from "./dh-config-cache.js";
import { keyVisualizationBytes } from "./key-visual.js";
import { MIN_SECRET_LAYER } from "./layer-message.js";
import { computeSharedKey, type DhHalf, makeDhHalf, type SharedKey } from "./secret-dh.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";
import type { SecretChatState } from "./secret-chat-state.js";

/** The originator's half: keep `exponent` until the chat is accepted, send `publicValue` as g_a. */
export function beginRequest(crypto: CryptoProvider, config: DhConfigWithRandom): DhHalf {
  return makeDhHalf(crypto, config.params, config.random);
}

/** The responder's answer to a request carrying g_a: g_b to send and the key (with its fingerprint). */
export function answerRequest(
  crypto: CryptoProvider,
  config: DhConfigWithRandom,
  gA: Uint8Array,
): { gB: Uint8Array; shared: SharedKey } {
  const half = makeDhHalf(crypto, config.params, config.random);
  const shared = computeSharedKey(crypto, config.params, half, gA, "g_a");
  return { gB: half.publicValue, shared };
}

/** The originator, once encryptedChat arrives with g_a_or_b and key_fingerprint. */
export function completeRequest(
  crypto: CryptoProvider,
  params: DhParams,
  own: DhHalf,
  gB: Uint8Array,
  fingerprint: bigint,
): SharedKey {
  const shared = computeSharedKey(crypto, params, own, gB, "g_b");
  if (shared.fingerprint !== fingerprint) {
    throw new SecretChatProtocolError(
      "KEY_FINGERPRINT_MISMATCH",
      "encryptedChat key_fingerprint differs from the computed key",
    );
  }
  return shared;
}

export interface NewChatInput {
  readonly chatId: number;
  readonly accessHash: bigint;
  readonly peerUserId: number;
  readonly role: SecretChatRole;
  readonly dh: DhParams;
  readonly shared: SharedKey;
  readonly now: number;
}

export function newChatState(crypto: CryptoProvider, input: NewChatInput): SecretChatState {
  return {
    chatId: input.chatId,
    accessHash: input.accessHash,
    peerUserId: input.peerUserId,
    role: input.role,
    closed: false,
    dh: input.dh,
    key: { key: input.shared.key, fingerprint: input.shared.fingerprint },
    previousKey: undefined,
    visualization: keyVisualizationBytes(crypto, input.shared.key),
    keyCreatedAt: input.now,
    keyUses: 0,
    keySent: 0,
    layer: MIN_SECRET_LAYER,
    layerNotified: false,
    localIn: 0,
    localOut: 0,
    lastPeerIn: 0,
    outbox: [],
    held: [],
    resendRequestedTo: -1,
    rekey: { phase: "idle" },
    ttl: [],
    defaultTtl: 0,
  };
}
