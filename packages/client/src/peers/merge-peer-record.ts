import type { PeerRecord } from "../storage/types.js";

/**
 * Merges what we just saw into what we knew, following https://core.telegram.org/api/min:
 * a `min` object carries an access hash that is NOT valid for inputPeerUser/inputPeerChannel and may
 * omit fields, so it must never replace a full record's access hash or phone. It may refresh usernames.
 * A full object replaces everything, except that a missing hash keeps the one we had.
 */
export function mergePeerRecord(previous: PeerRecord | null, incoming: PeerRecord): PeerRecord {
  if (previous === null) return incoming;
  if (incoming.isMin && !previous.isMin) {
    return {
      ...previous,
      usernames: incoming.usernames.length > 0 ? incoming.usernames : previous.usernames,
      updatedAt: incoming.updatedAt,
    };
  }
  return {
    ...incoming,
    // A min hash is never usable for input peers, so a full object without a hash must not inherit one.
    accessHash: incoming.accessHash ?? (previous.isMin ? null : previous.accessHash),
    phone: incoming.phone ?? previous.phone,
    // Still min: keep the last place we saw it if this sighting brought none.
    seenIn: incoming.isMin ? (incoming.seenIn ?? previous.seenIn) : null,
  };
}

/** True when the merge changed something worth writing (everything except the timestamp). */
export function peerRecordChanged(previous: PeerRecord | null, next: PeerRecord): boolean {
  if (previous === null) return true;
  return (
    previous.accessHash !== next.accessHash ||
    previous.isMin !== next.isMin ||
    previous.phone !== next.phone ||
    previous.seenIn?.chatKind !== next.seenIn?.chatKind ||
    previous.seenIn?.chatId !== next.seenIn?.chatId ||
    previous.seenIn?.msgId !== next.seenIn?.msgId ||
    previous.usernames.length !== next.usernames.length ||
    previous.usernames.some((name, i) => name !== next.usernames[i])
  );
}
