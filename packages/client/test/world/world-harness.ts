// Logged-in clients against a real TestServer serving the world (accounts, chats, messages, updates).
import { afterAll, beforeAll } from "vitest";
import type { TelegramClient } from "../../src/node/index.js";
import type { TelegramClientOptions } from "../../src/client/options.js";
import { makeClient, startHarness, type Harness } from "../client/harness.js";

export const USERS = [
  { phone: "+1 555 0200", firstName: "Alice", username: "alice" },
  { phone: "+1 555 0201", firstName: "Bob", username: "bob" },
  { phone: "+1 555 0202", firstName: "Carol", username: "carol" },
] as const;
export const BOT = { token: "77:echo-token", username: "echo_bot", firstName: "Echo" } as const;

export function startWorld(): Promise<Harness> {
  return startHarness({ users: USERS, bots: [BOT] });
}

export type Transport = "tcp" | "ws";

export async function loginUser(
  h: Harness,
  transport: Transport,
  phone: string,
  options: Partial<TelegramClientOptions> = {},
): Promise<TelegramClient> {
  const { client } = makeClient(h.server, {
    ws: transport === "ws",
    onUpdateError: (error) => {
      throw error;
    },
    ...options,
  });
  await client.connect();
  const sent = await client.sendCode(phone);
  await client.signIn(sent, h.slice.lastCode(phone) ?? "");
  return client;
}

/**
 * USERS[0] (alice) and USERS[1] (bob) logged in over `transport` before the tests of the calling
 * describe block, disconnected after them.
 */
export function aliceAndBob(
  harness: () => Harness,
  transport: Transport,
): { readonly alice: TelegramClient; readonly bob: TelegramClient } {
  let pair: readonly [TelegramClient, TelegramClient] | undefined;
  const logged = (): readonly [TelegramClient, TelegramClient] => {
    if (pair === undefined) throw new Error("aliceAndBob: logged in only during the describe block's tests");
    return pair;
  };
  beforeAll(async () => {
    pair = [
      await loginUser(harness(), transport, USERS[0].phone),
      await loginUser(harness(), transport, USERS[1].phone),
    ];
  });
  afterAll(async () => {
    await pair?.[0].disconnect();
    await pair?.[1].disconnect();
  });
  return {
    get alice() {
      return logged()[0];
    },
    get bob() {
      return logged()[1];
    },
  };
}

export async function loginBot(h: Harness, transport: Transport): Promise<TelegramClient> {
  const { client } = makeClient(h.server, { ws: transport === "ws" });
  await client.connect();
  await client.signInBot(BOT.token);
  return client;
}

/** Resolves with the first value `next` gives that `accept` takes, or rejects after `ms`. */
export function waitFor<T>(
  subscribe: (push: (value: T) => void) => () => void,
  accept: (value: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`nothing arrived in ${String(ms)} ms`));
    }, ms);
    const off = subscribe((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      off();
      resolve(value);
    });
  });
}
