// TODO(move to session): replay protection for the server role (session's replay-window is client-side).

/**
 * Remembers the last `capacity` client msg_ids of a session: a repeated id, or one lower than every
 * remembered id once the window is full, is a replay and is dropped
 * (https://core.telegram.org/mtproto/security_guidelines#checking-msg-id).
 */
export class RecentIds {
  private readonly ids = new Set<bigint>();
  private readonly order: bigint[] = [];

  constructor(private readonly capacity = 512) {}

  has(id: bigint): boolean {
    return this.ids.has(id);
  }

  /** Forgets an id, as if it never arrived (fault knobs that simulate a lost message). */
  forget(id: bigint): void {
    if (!this.ids.delete(id)) return;
    this.order.splice(this.order.indexOf(id), 1);
  }

  /** True if `id` is new (and records it); false for a replay. */
  accept(id: bigint): boolean {
    if (this.ids.has(id)) return false;
    if (this.order.length >= this.capacity && id < (this.order[0] ?? 0n)) return false;
    this.ids.add(id);
    this.order.push(id);
    this.order.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    while (this.order.length > this.capacity) this.ids.delete(this.order.shift()!);
    return true;
  }
}
