// The world a TestServer serves (accounts, chats, channels, messages, updates); see install-world.ts.
export { DEFAULT_LIMITS, installWorld, type WorldServer, type WorldServerOptions } from "./install-world.js";
export type { MediaHost } from "../handlers/media-host.js";
export type { BotSeed, ChannelSeed, UserSeed } from "./seeds.js";
export type { SeededLogin } from "./seed-login.js";
import { installWorld, type WorldServer, type WorldServerOptions } from "./install-world.js";
import type { BotSeed, UserSeed } from "./seeds.js";
import type { Account } from "../world/types.js";

/** @deprecated Renamed `installWorld`: the server now serves a whole world, not a login slice. */
export const installAccountSlice = installWorld;
/** @deprecated Renamed `WorldServer`. */
export type AccountSlice = WorldServer;
/** @deprecated Renamed `WorldServerOptions`. */
export type AccountSliceOptions = WorldServerOptions;
/** @deprecated Renamed `UserSeed`. */
export type SliceUserSeed = UserSeed;
/** @deprecated Renamed `BotSeed`. */
export type SliceBotSeed = BotSeed;
/** @deprecated Renamed `Account`. */
export type SliceUser = Account;
