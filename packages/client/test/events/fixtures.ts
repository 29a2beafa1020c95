import type { RawMessage, TypeUpdate } from "@mtkit/tl-core/api";
import type { DeliveredUpdates } from "../../src/updates/update-sink.js";

let nextId = 1;

/** A TL message as the server would push it. */
export function rawMessage(fields: Partial<RawMessage> & { readonly text?: string } = {}): RawMessage {
  const { text, ...rest } = fields;
  return {
    _: "message",
    id: nextId++,
    peerId: { _: "peerUser", userId: 7n },
    date: 1_700_000_000,
    message: text ?? "hello",
    ...rest,
  };
}

export function batch(updates: readonly TypeUpdate[], extra: Partial<DeliveredUpdates> = {}): DeliveredUpdates {
  return { updates, users: [], chats: [], source: "push", ...extra };
}

export function newMessage(fields: Parameters<typeof rawMessage>[0] = {}): TypeUpdate {
  return { _: "updateNewMessage", message: rawMessage(fields), pts: 1, ptsCount: 1 };
}
