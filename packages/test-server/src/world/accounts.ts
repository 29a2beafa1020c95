import type { WorldStore } from "../store/world-store.js";
import { idKey } from "./peers.js";
import type { WorldEnv } from "./world-clock.js";
import type { Account, PeerRef } from "./types.js";
import { WorldError } from "./world-error.js";

export type NewAccount = Omit<Account, "id" | "accessHash">;

/** Users and bots, found by id, phone, @username or bot token; and each one's contacts. */
export class Accounts {
  constructor(
    private readonly store: WorldStore,
    private readonly env: WorldEnv,
  ) {}

  create(fields: NewAccount): Account {
    if (fields.username !== undefined && this.usernameTaken(fields.username))
      throw new WorldError("USERNAME_OCCUPIED", fields.username);
    if (fields.phone !== "" && this.byPhone(fields.phone) !== undefined)
      throw new WorldError("PHONE_NUMBER_OCCUPIED", fields.phone);
    const id = BigInt(this.nextCounter("userId", 1_000_000));
    const account: Account = { ...fields, id, accessHash: this.env.randomLong() };
    this.store.table("accounts").put("", idKey(id), account);
    const lookups = this.store.table("lookups");
    if (account.phone !== "") lookups.put("phone", account.phone, { kind: "user", id });
    if (account.username !== undefined) lookups.put("username", account.username.toLowerCase(), { kind: "user", id });
    if (account.botToken !== undefined) lookups.put("token", account.botToken, { kind: "user", id });
    return account;
  }

  get(id: bigint): Account | undefined {
    return this.store.table("accounts").get("", idKey(id));
  }

  byPhone(phone: string): Account | undefined {
    return this.byLookup("phone", phone);
  }

  byUsername(username: string): Account | undefined {
    return this.byLookup("username", username.toLowerCase());
  }

  byToken(token: string): Account | undefined {
    return this.byLookup("token", token);
  }

  /** Who holds @username: a user or a channel (https://core.telegram.org/api/username). */
  resolveUsername(username: string): PeerRef | undefined {
    const found = this.store.table("lookups").get("username", username.toLowerCase());
    return found === undefined ? undefined : { kind: found.kind, id: found.id };
  }

  usernameTaken(username: string): boolean {
    return this.store.table("lookups").get("username", username.toLowerCase()) !== undefined;
  }

  /** Adds (or renames) a contact; answers the account when the phone belongs to one. */
  importContact(ownerId: bigint, phone: string, firstName: string, lastName: string): Account | undefined {
    const account = this.byPhone(phone);
    if (account === undefined) return undefined;
    this.store.table("contacts").put(String(ownerId), idKey(account.id), { userId: account.id, firstName, lastName });
    return account;
  }

  contacts(ownerId: bigint): bigint[] {
    return this.store
      .table("contacts")
      .scan(String(ownerId))
      .map((row) => row.userId);
  }

  isContact(ownerId: bigint, userId: bigint): boolean {
    return this.store.table("contacts").get(String(ownerId), idKey(userId)) !== undefined;
  }

  /** A persistent counter (ids survive a restart with `--data`). */
  nextCounter(name: string, first: number): number {
    const counters = this.store.table("counters");
    const value = (counters.get("", name)?.value ?? first - 1) + 1;
    counters.put("", name, { value });
    return value;
  }

  /** Reserves `count` consecutive counter values and returns the first. */
  reserveCounter(name: string, first: number, count: number): number {
    const counters = this.store.table("counters");
    const start = (counters.get("", name)?.value ?? first - 1) + 1;
    counters.put("", name, { value: start + count - 1 });
    return start;
  }

  private byLookup(kind: string, value: string): Account | undefined {
    const found = this.store.table("lookups").get(kind, value);
    return found?.kind === "user" ? this.get(found.id) : undefined;
  }
}
