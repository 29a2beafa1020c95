/** Accounts a test file seeds through the CLI (`--user`, `--bot`), so peers can find each other by username. */
export interface SeededUser {
  readonly phone: string;
  readonly username: string;
}

export interface SeededBot {
  readonly token: string;
  readonly username: string;
}

/** `count` test numbers on DC 1 (9996610001, ...; code 11111) with usernames `<prefix>1`, `<prefix>2`, ... */
export function seedUsers(prefix: string, count: number): SeededUser[] {
  return Array.from({ length: count }, (_, i) => ({
    phone: `99966${(10001 + i).toString()}`,
    username: `${prefix}${(i + 1).toString()}`,
  }));
}

export function seedBots(prefix: string, count: number): SeededBot[] {
  return Array.from({ length: count }, (_, i) => ({
    token: `${(7000 + i).toString()}:interop-${prefix}-${(i + 1).toString()}`,
    username: `${prefix}${(i + 1).toString()}_bot`,
  }));
}

/** The CLI flags that create them. */
export function seedArgs(users: readonly SeededUser[], bots: readonly SeededBot[]): string[] {
  return [
    ...users.flatMap((user) => ["--user", `${user.phone}:${user.username}:${user.username}`]),
    ...bots.flatMap((bot) => ["--bot", `${bot.username}=${bot.token}`]),
  ];
}
