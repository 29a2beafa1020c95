/**
 * Self-destruct timers (https://core.telegram.org/api/end-to-end#sending-encrypted-messages, `ttl`):
 * a message's countdown starts when the recipient reads it (decryptedMessageActionReadMessages),
 * on the recipient at read time and on the sender when the read notice arrives; at zero each
 * side deletes its copy. Pure list operations over the chat state, fed the injected clock.
 */
import type { TtlEntry } from "./secret-chat-state.js";

/** Starts the countdown of the listed messages of one direction; returns the ids that started. */
export function startCountdowns(
  entries: TtlEntry[],
  randomIds: readonly bigint[],
  outgoing: boolean,
  now: number,
): bigint[] {
  const wanted = new Set(randomIds);
  const started: bigint[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry?.outgoing !== outgoing || entry.expiresAt !== undefined || !wanted.has(entry.randomId)) continue;
    entries[i] = { ...entry, expiresAt: now + entry.ttl * 1000 };
    started.push(entry.randomId);
  }
  return started;
}

/** Removes and returns the messages whose countdown has reached zero. */
export function takeExpired(entries: TtlEntry[], now: number): bigint[] {
  const expired: bigint[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now) {
      expired.unshift(entry.randomId);
      entries.splice(i, 1);
    }
  }
  return expired;
}

export function forget(entries: TtlEntry[], randomIds: readonly bigint[]): void {
  const gone = new Set(randomIds);
  for (let i = entries.length - 1; i >= 0; i--) if (gone.has(entries[i]?.randomId ?? -1n)) entries.splice(i, 1);
}

/** When the next timer fires, for the host's single timer. */
export function nextExpiry(entries: readonly TtlEntry[]): number | undefined {
  let next: number | undefined;
  for (const entry of entries)
    if (entry.expiresAt !== undefined && (next === undefined || entry.expiresAt < next)) next = entry.expiresAt;
  return next;
}
