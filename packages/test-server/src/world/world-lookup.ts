import type { WorldStore } from "../store/world-store.js";
import { idKey } from "./peers.js";
import type { Account, BasicGroup, Channel, ChannelMember } from "./types.js";

/** Read-only lookups of the world's entities by id (what the wire needs to describe them). */
export class WorldLookup {
  constructor(private readonly store: WorldStore) {}

  account(id: bigint): Account | undefined {
    return this.store.table("accounts").get("", idKey(id));
  }

  isContact(ownerId: bigint, userId: bigint): boolean {
    return this.store.table("contacts").get(String(ownerId), idKey(userId)) !== undefined;
  }

  basicGroup(id: bigint): BasicGroup | undefined {
    return this.store.table("chats").get("", idKey(id));
  }

  channel(id: bigint): Channel | undefined {
    return this.store.table("channels").get("", idKey(id));
  }

  member(channelId: bigint, userId: bigint): ChannelMember | undefined {
    return this.store.table("members").get(String(channelId), idKey(userId));
  }
}
