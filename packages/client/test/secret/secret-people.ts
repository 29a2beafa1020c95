// Two-account helpers for secret-chat tests on the real test server (with the files module installed).
import { type FilesOptions, type FilesSlice, installFiles } from "@mtkit/test-server";
import { expect } from "vitest";
import type { TelegramClient } from "../../src/node/index.js";
import type { SecretChat, SecretChats, SecretChatsEvent } from "../../src/secret/index.js";
import type { ClientStorage } from "../../src/storage/types.js";
import { crypto, type Harness, makeClient, startHarness } from "../client/harness.js";

export interface SecretHarness extends Harness {
  readonly files: FilesSlice;
}

/** `files.directory` keeps the server's files on disk, so a memory test measures only the clients. */
export async function startSecretHarness(files: Omit<FilesOptions, "crypto"> = {}): Promise<SecretHarness> {
  const h = await startHarness();
  const slice = installFiles(h.server, { ...files, crypto });
  return {
    ...h,
    files: slice,
    close: async () => {
      slice.clear();
      await h.close();
    },
  };
}

export interface Person {
  readonly chats: SecretChats;
  readonly events: SecretChatsEvent[];
  readonly storage: ClientStorage;
  readonly userId: bigint;
  readonly accessHash: bigint;
  readonly client: TelegramClient;
  disconnect(): Promise<void>;
}

/** A logged-in client with its secret chats; given a storage with a session, the saved session and chats are reused. */
export async function person(
  h: Harness,
  phone: string,
  transport: "tcp" | "ws",
  saved?: ClientStorage,
): Promise<Person> {
  const account = h.slice.addUser({ phone, firstName: phone });
  const loggedIn = saved !== undefined && (await saved.session.getSelf()) !== null;
  const events: SecretChatsEvent[] = [];
  const { client, storage } = makeClient(h.server, {
    ws: transport === "ws",
    ...(saved === undefined ? {} : { storage: saved }),
  });
  await client.connect();
  const chats = await client.secretChats();
  chats.subscribe((event) => events.push(event));
  await chats.restore();
  if (!loggedIn) {
    const sent = await client.sendCode(phone);
    await client.signIn(sent, h.slice.lastCode(phone)!);
  }
  return {
    chats,
    events,
    storage,
    client,
    userId: account.id,
    accessHash: account.accessHash,
    disconnect: () => client.disconnect(),
  };
}

/** The `message` events a person's chats produced, in order. */
export function messagesOf(
  p: Person,
): Extract<Extract<SecretChatsEvent, { type: "chat" }>["event"], { type: "message" }>[] {
  return p.events.flatMap((e) => (e.type === "chat" && e.event.type === "message" ? [e.event] : []));
}

/** Waits for Bob's request event (the `before`+1-th), accepts it, and returns both ends. */
export async function openChat(alice: Person, bob: Person): Promise<[SecretChat, SecretChat]> {
  const before = bob.events.filter((e) => e.type === "request").length;
  const requested = alice.chats.request({ _: "inputUser", userId: bob.userId, accessHash: bob.accessHash });
  await expect.poll(() => bob.events.filter((e) => e.type === "request").length, { timeout: 10_000 }).toBe(before + 1);
  const request = bob.events.findLast((e) => e.type === "request");
  const bobChat = await bob.chats.accept(request?.type === "request" ? request.chatId : -1);
  return [await requested, bobChat];
}
