import type { TypeUsername } from "@mtkit/tl-core/api";
import type { PeerKind, PeerRecord } from "../storage/types.js";
import type { TlPeerObject } from "./tl-peer-types.js";

/** Usernames are case-insensitive (https://core.telegram.org/api/usernames): store them lower-case, main one first. */
function collectUsernames(main: string | undefined, all: readonly TypeUsername[] | undefined): string[] {
  const names: string[] = [];
  const add = (name: string): void => {
    const lower = name.toLowerCase();
    if (lower !== "" && !names.includes(lower)) names.push(lower);
  };
  if (main !== undefined) add(main);
  for (const entry of all ?? []) if (entry.active === true) add(entry.username);
  return names;
}

export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "");
}

const KIND: Record<TlPeerObject["_"], PeerKind> = {
  user: "user",
  chat: "chat",
  chatForbidden: "chat",
  channel: "channel",
  channelForbidden: "channel",
  community: "channel",
  communityForbidden: "channel",
};

export function peerKindOf(object: TlPeerObject): PeerKind {
  return KIND[object._];
}

const signed = (value: bigint | undefined): bigint | null => (value === undefined ? null : BigInt.asIntN(64, value));

/** Turns one API object into the record we keep. Ids and access hashes are signed 64-bit (TL `long`). */
export function peerRecordFromTl(object: TlPeerObject, nowSeconds: number): PeerRecord {
  const base = {
    kind: KIND[object._],
    id: BigInt.asIntN(64, object.id),
    accessHash: null,
    isMin: false,
    usernames: [],
    phone: null,
    seenIn: null,
    updatedAt: nowSeconds,
  };
  switch (object._) {
    case "user": {
      const phone = object.phone === undefined ? "" : normalizePhone(object.phone);
      return {
        ...base,
        accessHash: signed(object.accessHash),
        isMin: object.min === true,
        usernames: collectUsernames(object.username, object.usernames),
        phone: phone === "" ? null : phone,
      };
    }
    case "channel":
      return {
        ...base,
        accessHash: signed(object.accessHash),
        isMin: object.min === true,
        usernames: collectUsernames(object.username, object.usernames),
      };
    case "community":
      return { ...base, accessHash: signed(object.accessHash), isMin: object.min === true };
    case "channelForbidden":
    case "communityForbidden":
      return { ...base, accessHash: signed(object.accessHash) };
    case "chat":
    case "chatForbidden":
      // Basic groups need no access hash: inputPeerChat carries the id alone.
      return base;
  }
}
