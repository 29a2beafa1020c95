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
  const json = JSON.stringify(state, (_key, value: unknown) => {
    if (typeof value === "bigint") return { $big: value.toString() };
    if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
    return value;
  });
  return new TextEncoder().encode(json);
}

export function decodeChatState(bytes: Uint8Array): SecretChatState {
  return JSON.parse(new TextDecoder().decode(bytes), (_key, value: unknown) => {
    if (typeof value === "object" && value !== null) {
      const tagged = value as Tagged;
      if (typeof tagged.$big === "string") return BigInt(tagged.$big);
      if (typeof tagged.$bytes === "string") return fromBase64(tagged.$bytes);
    }
    return value;
  }) as SecretChatState;
}
