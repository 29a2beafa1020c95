import { readFileSync } from "node:fs";
import type { WorldServer } from "../install/install-world.js";
import type { BotSeed, UserSeed } from "../install/seeds.js";
import { CliUsageError } from "./parse-cli-args.js";

/** What the CLI seeds: from flags (`--user`, `--bot`, `--group`) and/or a JSON file (`--seed`). */
export interface SeedPlan {
  readonly users: UserSeed[];
  readonly bots: BotSeed[];
  readonly groups: {
    readonly title: string;
    readonly megagroup: boolean;
    readonly generatedMembers: number;
    readonly memberPhones: readonly string[];
    readonly username?: string;
  }[];
}

/** What was created, for the banner and the `--json` line. */
export interface SeedReport {
  readonly users: { id: string; phone: string; username: string | null }[];
  readonly bots: { id: string; username: string | null; token: string }[];
  readonly groups: { id: string; accessHash: string; title: string; members: number }[];
}

/** `--user PHONE[:FIRST[:USERNAME]]`, `--bot USERNAME=TOKEN`, `--group TITLE=MEMBERS`. */
export function planFromFlags(users: readonly string[], bots: readonly string[], groups: readonly string[]): SeedPlan {
  return {
    users: users.map((flag) => {
      const [phone = "", firstName, username] = flag.split(":");
      if (!/^\+?[\d ]{5,}$/.test(phone))
        throw new CliUsageError(`--user wants PHONE[:FIRST[:USERNAME]], got "${flag}"`);
      return {
        phone,
        firstName: firstName ?? `User ${phone.slice(-4)}`,
        ...(username === undefined ? {} : { username }),
      };
    }),
    bots: bots.map((flag) => {
      const at = flag.indexOf("=");
      if (at <= 0 || at === flag.length - 1) throw new CliUsageError(`--bot wants USERNAME=TOKEN, got "${flag}"`);
      const username = flag.slice(0, at);
      return { username, token: flag.slice(at + 1), firstName: username };
    }),
    groups: groups.map((flag) => {
      const at = flag.lastIndexOf("=");
      const members = Number(flag.slice(at + 1));
      if (at <= 0 || !Number.isInteger(members) || members < 0 || members > 1_000_000)
        throw new CliUsageError(`--group wants TITLE=MEMBERS (0..1000000), got "${flag}"`);
      return { title: flag.slice(0, at), megagroup: true, generatedMembers: members, memberPhones: [] };
    }),
  };
}

/** A seed file: `{ "users": [UserSeed], "bots": [BotSeed], "groups": [{ "title", "megagroup"?, "username"?, "generatedMembers"?, "memberPhones"? }] }`. */
export function planFromFile(path: string): SeedPlan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliUsageError(`--seed ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null) throw new CliUsageError(`--seed ${path}: not a JSON object`);
  const file = parsed as Partial<Record<keyof SeedPlan, unknown>>;
  const list = <T>(value: unknown, name: string): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new CliUsageError(`--seed ${path}: "${name}" must be an array`);
    return value as T[];
  };
  const groups = list<Partial<SeedPlan["groups"][number]>>(file.groups, "groups").map((group) => {
    if (typeof group.title !== "string") throw new CliUsageError(`--seed ${path}: every group needs a "title"`);
    return {
      title: group.title,
      megagroup: group.megagroup ?? true,
      generatedMembers: group.generatedMembers ?? 0,
      memberPhones: group.memberPhones ?? [],
      ...(group.username === undefined ? {} : { username: group.username }),
    };
  });
  return { users: list<UserSeed>(file.users, "users"), bots: list<BotSeed>(file.bots, "bots"), groups };
}

/** Creates everything in the plan (existing phones and tokens are reused, so seeding twice on `--data` is harmless). */
export function seedWorld(world: WorldServer, plans: readonly SeedPlan[]): SeedReport {
  const report: SeedReport = { users: [], bots: [], groups: [] };
  for (const plan of plans) {
    for (const seed of plan.users) {
      const user = world.addUser(seed);
      report.users.push({ id: user.id.toString(), phone: user.phone, username: user.username ?? null });
    }
    for (const seed of plan.bots) {
      const bot = world.addBot(seed);
      report.bots.push({ id: bot.id.toString(), username: bot.username ?? null, token: seed.token });
    }
    for (const group of plan.groups) {
      const memberIds = group.memberPhones.map((phone) => {
        const user = world.userByPhone(phone);
        if (user === undefined) throw new CliUsageError(`group "${group.title}": no user with phone ${phone}`);
        return user.id;
      });
      const channel = world.addChannel({
        title: group.title,
        megagroup: group.megagroup,
        generatedMembers: group.generatedMembers,
        memberIds,
        ...(group.username === undefined ? {} : { username: group.username }),
      });
      report.groups.push({
        id: channel.id.toString(),
        accessHash: channel.accessHash.toString(),
        title: channel.title,
        members: channel.memberCount,
      });
    }
  }
  return report;
}
