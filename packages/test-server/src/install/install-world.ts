import {
  computePasswordVerifier,
  TELEGRAM_DH_PRIME,
  type CryptoProvider,
  type SrpAlgorithm,
} from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { LoginState, normalizePhone } from "../handlers/auth/login-state.js";
import { randomLong, type DifferenceLimits, type HandlerDeps } from "../handlers/handler-deps.js";
import { registerWorldHandlers } from "../handlers/register-handlers.js";
import { Authorizations } from "../push/authorizations.js";
import { UpdatePusher } from "../push/update-pusher.js";
import type { TestServer } from "../server/test-server.js";
import type { WorldStore } from "../store/world-store.js";
import { Wire } from "../wire/wire.js";
import type { Account, Channel, StoredPassword } from "../world/types.js";
import { World } from "../world/world.js";
import { seedChannel } from "./seed-channel.js";
import type { BotSeed, ChannelSeed, UserSeed } from "./seeds.js";

export interface WorldServerOptions {
  /** DC of new accounts. Default: the server's last DC, so a client that starts on the first one migrates. */
  readonly homeDc?: number;
  readonly users?: readonly UserSeed[];
  readonly bots?: readonly BotSeed[];
  readonly crypto?: CryptoProvider;
  /** Where the world lives. Default: memory. `openSqliteWorldStore(dir)` keeps it across restarts. */
  readonly store?: WorldStore;
  /** Clock in ms (tests). Default Date.now. */
  readonly now?: () => number;
  readonly limits?: Partial<DifferenceLimits>;
  /** How often due auto-delete timers are checked, in ms (default 1000; 0: only `expireDue()`). */
  readonly autoDeleteIntervalMs?: number;
  /** Called with each login code auth.sendCode sends (digits-only phone); `lastCode` reads the latest too. */
  readonly onLoginCode?: (phone: string, code: string) => void;
}

/** Test-side handle on the world a server serves. */
export interface WorldServer {
  readonly world: World;
  /** The last login code sent to `phone` (any format), or undefined. */
  lastCode(phone: string): string | undefined;
  /** Creates a user; an existing phone returns the existing account (seeding twice is harmless). */
  addUser(seed: UserSeed): Account;
  addBot(seed: BotSeed): Account;
  /** A channel or supergroup, with as many generated members as asked (200,000 is fine). */
  addChannel(seed: ChannelSeed): Channel;
  userByPhone(phone: string): Account | undefined;
  /** How many (DC, permanent key) pairs are logged in. */
  readonly authorizationCount: number;
  /** Deletes the messages whose ttl_period is over (by the world's clock) now; returns how many. */
  expireDue(): number;
  /** Stops the auto-delete timer and closes the store (call after `server.close()`). */
  close(): void;
}

export const DEFAULT_LIMITS: DifferenceLimits = { sliceSize: 1000, tooLongAfter: 100_000, channelTooLongAfter: 10_000 };

/**
 * Makes `server` a small Telegram: accounts (users, bots, test numbers 99966XYYYY), contacts, private
 * chats, basic groups, channels, messages and updates with pts/qts/seq boxes, through the server's
 * public `handle()` API. Accounts live on one DC: the others answer PHONE_MIGRATE_X / USER_MIGRATE_X.
 */
export function installWorld(server: TestServer, options: WorldServerOptions = {}): WorldServer {
  const crypto = options.crypto ?? createNodeCrypto();
  const world = new World({
    ...(options.store === undefined ? {} : { store: options.store }),
    env: { now: options.now ?? Date.now, randomLong: () => randomLong(crypto) },
  });
  const defaultHomeDc = options.homeDc ?? server.dcs[server.dcs.length - 1]!.id;
  const wire = new Wire(world.lookup);
  const authorizations = new Authorizations(world.store);
  const deps: HandlerDeps = {
    server,
    world,
    wire,
    authorizations,
    pusher: new UpdatePusher(server, world, wire, authorizations, server.faults.updates),
    crypto,
    login: new LoginState(options.onLoginCode),
    defaultHomeDc,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
  registerWorldHandlers(deps);
  const intervalMs = options.autoDeleteIntervalMs ?? 1000;
  // A timer on the injected clock: each tick deletes what the clock says is due.
  const timer = intervalMs > 0 ? setInterval(() => world.autoDelete.expireDue(), intervalMs) : undefined;
  timer?.unref();

  const handle: WorldServer = {
    world,
    lastCode: (phone) => deps.login.codes.get(normalizePhone(phone))?.code,
    addUser: (seed) => {
      const phone = normalizePhone(seed.phone);
      return (
        world.accounts.byPhone(phone) ??
        world.accounts.create({
          phone,
          firstName: seed.firstName,
          lastName: seed.lastName,
          username: seed.username,
          bot: false,
          homeDc: seed.homeDc ?? defaultHomeDc,
          password: seed.password === undefined ? undefined : storedPassword(crypto, seed.password, seed.passwordHint),
          botToken: undefined,
        })
      );
    },
    addBot: (seed) =>
      world.accounts.byToken(seed.token) ??
      world.accounts.create({
        phone: "",
        firstName: seed.firstName,
        lastName: undefined,
        username: seed.username,
        bot: true,
        homeDc: seed.homeDc ?? defaultHomeDc,
        password: undefined,
        botToken: seed.token,
      }),
    addChannel: (seed) => seedChannel(world, seed, defaultHomeDc),
    userByPhone: (phone) => world.accounts.byPhone(normalizePhone(phone)),
    get authorizationCount() {
      return authorizations.count;
    },
    expireDue: () => world.autoDelete.expireDue(),
    close: () => {
      if (timer !== undefined) clearInterval(timer);
      world.store.close();
    },
  };

  for (const seed of options.users ?? []) handle.addUser(seed);
  for (const seed of options.bots ?? []) handle.addBot(seed);
  return handle;
}

function storedPassword(crypto: CryptoProvider, password: string, hint: string | undefined): StoredPassword {
  const algo: SrpAlgorithm = {
    salt1: crypto.randomFill(new Uint8Array(40)),
    salt2: crypto.randomFill(new Uint8Array(16)),
    g: 3,
    p: toBytes256(TELEGRAM_DH_PRIME),
  };
  return { algo, verifier: computePasswordVerifier(crypto, algo, password), hint };
}

function toBytes256(value: bigint): Uint8Array {
  const out = new Uint8Array(256);
  let rest = value;
  for (let i = 255; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}
