import type { Message, PeerRef } from "../world/types.js";

/** The users and chats an answer mentions, collected so its `users` and `chats` vectors can be filled. */
export class PeerSet {
  readonly users = new Set<bigint>();
  readonly chats = new Set<bigint>();
  readonly channels = new Set<bigint>();

  add(peer: PeerRef | undefined): this {
    if (peer === undefined) return this;
    if (peer.kind === "user") this.users.add(peer.id);
    else if (peer.kind === "chat") this.chats.add(peer.id);
    else this.channels.add(peer.id);
    return this;
  }

  addUser(id: bigint | undefined): this {
    if (id !== undefined) this.users.add(id);
    return this;
  }

  /** The peer, the sender, the forward origin and the users a service message names. */
  addMessage(message: Message): this {
    this.add(message.peer).addUser(message.fromId).add(message.forward?.from);
    if (message.ownerId !== undefined) this.addUser(message.ownerId);
    const action = message.action;
    if (action?.kind === "chatCreate" || action?.kind === "chatAddUser")
      for (const id of action.userIds) this.addUser(id);
    if (action?.kind === "chatDeleteUser") this.addUser(action.userId);
    return this;
  }
}
