/**
 * How the cache asks the server when it does not know a peer. The client wires these to invoke();
 * each returns the raw response, which the cache ingests (every response carries `users`/`chats`).
 * All are optional: a missing one is reported as `skipped` in `PeerNotFoundError`.
 */
export interface PeerServerLookup {
  /** contacts.resolveUsername: https://core.telegram.org/method/contacts.resolveUsername */
  resolveUsername?(username: string, signal?: AbortSignal): Promise<unknown>;
  /** contacts.resolvePhone: https://core.telegram.org/method/contacts.resolvePhone */
  resolvePhone?(phone: string, signal?: AbortSignal): Promise<unknown>;
  /** users.getUsers with accessHash 0 (allowed for bots): https://core.telegram.org/api/peers */
  getUserById?(userId: bigint, signal?: AbortSignal): Promise<unknown>;
  /** channels.getChannels with accessHash 0 (allowed for bots). */
  getChannelById?(channelId: bigint, signal?: AbortSignal): Promise<unknown>;
}
