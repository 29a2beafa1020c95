/**
 * SecretChatState <-> bytes for key-value storage: JSON where bigints and byte arrays are tagged
 * objects, so every storage that keeps bytes (SQLite, IndexedDB, memory) keeps a chat.
 */
import type { SecretChatState } from "./secret-chat-state.js";

interface Tagged {
  readonly $big?: string;
  readonly $bytes?: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

export function encodeChatState(state: SecretChatState): Uint8Array {
  return encodeTagged(state);
}

export function decodeChatState(bytes: Uint8Array): SecretChatState {
  return decodeTagged(bytes) as SecretChatState;
}

/** Any plain value (numbers, strings, bigints, bytes, arrays, objects) to JSON bytes. */
export function encodeTagged(value: unknown): Uint8Array {
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "bigint") return { $big: item.toString() };
    if (item instanceof Uint8Array) return { $bytes: toBase64(item) };
    return item;
  });
  return new TextEncoder().encode(json);
}

export function decodeTagged(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes), (_key, value: unknown) => {
    if (typeof value === "object" && value !== null) {
      const tagged = value as Tagged;
      if (typeof tagged.$big === "string") return BigInt(tagged.$big);
      if (typeof tagged.$bytes === "string") return fromBase64(tagged.$bytes);
    }
    return value;
  });
}
