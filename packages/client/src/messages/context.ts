import type { InvokeOptions } from "../client/request-runner.js";
import type { TelegramClient } from "../client/telegram-client.js";
import type { PeerCache } from "../peers/peer-cache.js";
import type { Sleep } from "../retry/abortable-sleep.js";

/** `TelegramClient.invoke`: any API method, typed by the generated `RpcMethods` (a type-only import). */
export type Invoke = TelegramClient["invoke"];

/**
 * What the high-level methods (messages/, chats/) need from a client: every one of them is a
 * function over this small context, so each can be used, tested and tree-shaken on its own.
 */
export interface ClientContext {
  readonly invoke: Invoke;
  readonly peers: PeerCache;
  /** A random 64-bit `random_id` (https://core.telegram.org/method/messages.sendMessage); injected by tests. */
  readonly randomId: () => bigint;
  /** This account's user id, once logged in (for the sender of our own messages). */
  readonly selfId: () => Promise<number | null>;
  /** Pacing between pages and after flood waits; `abortableSleep` outside tests. */
  readonly sleep: Sleep;
}

/** The portable default for `randomId` (Web Crypto is in Node 20 and every browser). */
export function webCryptoRandomId(): bigint {
  const words = globalThis.crypto.getRandomValues(new BigInt64Array(1));
  return words[0] ?? 0n;
}

/** `signal` passed on only when given (exactOptionalPropertyTypes). */
export function withSignal(signal: AbortSignal | undefined): InvokeOptions {
  return signal === undefined ? {} : { signal };
}
