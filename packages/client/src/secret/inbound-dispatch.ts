/**
 * What a received message does once its turn comes in sequence order
 * (https://core.telegram.org/api/end-to-end, service actions): events for the app, resend answers,
 * layer negotiation, re-keying steps and self-destruct bookkeeping.
 */
import type { RawEncryptedFile } from "@mtkit/tl-core/api";
import type { TypeDecryptedMessageAction } from "@mtkit/tl-core/secret";
import { type CurrentDecryptedMessage, MAX_SECRET_LAYER, MIN_SECRET_LAYER } from "./layer-message.js";
import { onAbortKey, onAcceptKey, onCommitKey, onRequestKey, type RekeyStep } from "./rekey.js";
import { forget, startCountdowns } from "./self-destruct.js";
import { describeSecretMedia } from "./secret-media.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";
import type { SecretChatCore } from "./secret-chat-core.js";
import { rawResendRange } from "./seq-numbers.js";

export function dispatchInbound(
  core: SecretChatCore,
  message: CurrentDecryptedMessage,
  actedOn: boolean,
  file?: RawEncryptedFile,
): void {
  if (message._ === "decryptedMessage") {
    if (message.ttl > 0) core.state.ttl.push({ randomId: message.randomId, ttl: message.ttl, outgoing: false });
    core.emit({
      type: "message",
      randomId: message.randomId,
      text: message.message,
      ttl: message.ttl,
      media: message.media,
      description: describeSecretMedia(message.media),
      file,
    });
    return;
  }
  if (!actedOn) dispatchAction(core, message.action);
}

function applyRekey(core: SecretChatCore, step: RekeyStep): void {
  const s = core.state;
  s.rekey = step.state;
  if (step.error !== undefined) core.emit({ type: "error", error: step.error });
  if (step.send !== undefined) core.sendService(step.send);
  if (step.switchTo !== undefined) {
    s.previousKey = s.key;
    s.key = step.switchTo;
    s.keyCreatedAt = core.now();
    s.keyUses = 0;
    s.keySent = 0;
    core.emit({ type: "rekeyed", fingerprint: step.switchTo.fingerprint });
  }
}

function dispatchAction(core: SecretChatCore, action: TypeDecryptedMessageAction): void {
  const s = core.state;
  switch (action._) {
    case "decryptedMessageActionNotifyLayer": {
      const layer = Math.min(Math.max(action.layer, MIN_SECRET_LAYER), MAX_SECRET_LAYER);
      s.layer = layer;
      core.emit({ type: "layer", layer });
      core.start(); // answers with our own layer if we have not told it yet
      return;
    }
    case "decryptedMessageActionResend": {
      const { rawStart, rawEnd } = rawResendRange(action.startSeqNo, action.endSeqNo);
      try {
        core.resend(rawStart, rawEnd);
      } catch (error) {
        if (!(error instanceof SecretChatProtocolError)) throw error;
        core.emit({ type: "error", error });
      }
      return;
    }
    case "decryptedMessageActionReadMessages": {
      startCountdowns(s.ttl, action.randomIds, true, core.now());
      core.emit({ type: "read", randomIds: action.randomIds });
      return;
    }
    case "decryptedMessageActionDeleteMessages":
      forget(s.ttl, action.randomIds);
      core.emit({ type: "deleted", randomIds: action.randomIds, reason: "peer" });
      return;
    case "decryptedMessageActionFlushHistory":
      s.ttl.length = 0;
      core.emit({ type: "history_flushed" });
      return;
    case "decryptedMessageActionScreenshotMessages":
      core.emit({ type: "screenshot", randomIds: action.randomIds });
      return;
    case "decryptedMessageActionSetMessageTTL":
      s.defaultTtl = action.ttlSeconds;
      core.emit({ type: "ttl_changed", ttl: action.ttlSeconds });
      return;
    case "decryptedMessageActionTyping":
      core.emit({ type: "typing", action: action.action });
      return;
    case "decryptedMessageActionRequestKey":
      applyRekey(core, onRequestKey(core.crypto, s.dh, s.rekey, action));
      return;
    case "decryptedMessageActionAcceptKey":
      applyRekey(core, onAcceptKey(core.crypto, s.dh, s.rekey, action));
      return;
    case "decryptedMessageActionCommitKey":
      applyRekey(core, onCommitKey(s.rekey, action));
      return;
    case "decryptedMessageActionAbortKey":
      applyRekey(core, onAbortKey(s.rekey, action));
      return;
    case "decryptedMessageActionNoop":
      return;
  }
}
