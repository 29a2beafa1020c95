// Issue 12, "all secret-chat state in every storage": a secret chat's state kept by KvSecretChatStore
// over IdbStorage in real Chromium, the database closed and reopened, comes back identical. The
// states are real ones, made by two secret-chat cores in Node: keys, layer, sequence numbers, sent
// messages kept for resend requests, a message held behind a gap, a re-key under way, self-destruct
// timers; and a request still waiting for the peer (our DH exponent).
import { launchChromium } from "@mtkit/test-browser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type * as idb from "../../src/storage/idb/index.js";
import type * as secretStore from "../../src/secret/kv-secret-chat-store.js";
import type * as secretCodec from "../../src/secret/secret-state-codec.js";
import {
  beginRequest,
  decodeChatState,
  decodeTagged,
  encodeChatState,
  encodeTagged,
  type PendingRequestRecord,
  type SecretChatState,
} from "../../src/secret/index.js";
import { collect, crypto, deliver, dhConfig, makePair, settle } from "../secret/core-pair.js";
import { serveSource } from "./serve-source.js";

/** The part of what the test page puts on `window.mtkit` (see serve-source.ts) this file uses. */
interface SecretPage {
  readonly IdbStorage: typeof idb.IdbStorage;
  readonly secret: typeof secretStore & typeof secretCodec;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveSource>>;

beforeAll(async () => {
  server = await serveSource();
  ({ browser } = await launchChromium());
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** Two chat states with every part filled in, as a running chat leaves them. */
function busyStates(): SecretChatState[] {
  const pair = makePair();
  pair.alice.core.start();
  pair.bob.core.start();
  settle(pair);
  const vanishing = pair.alice.core.sendText("read me, then I go", { ttl: 5 });
  deliver(pair.alice, pair.bob);
  pair.bob.core.markRead([vanishing]);
  settle(pair);
  pair.alice.core.sendText("kept for a resend 1");
  pair.alice.core.sendText("lost on the way");
  pair.alice.core.sendText("ahead of the gap");
  collect(pair.alice);
  // The second never arrives: the third is held behind the gap, and a resend is asked for.
  const ahead = pair.alice.outbox.splice(0)[2];
  pair.bob.core.receive(ahead!.data);
  pair.alice.core.rekey();
  collect(pair.bob);
  collect(pair.alice);
  return [pair.alice.core.state, pair.bob.core.state];
}

function pendingRequest(): PendingRequestRecord {
  const config = dhConfig();
  return { chatId: 42, peerUserId: 7, params: config.params, half: beginRequest(crypto, config) };
}

/** Saves in a fresh database of the page, closes it, reopens it and loads. */
async function roundTrip(page: Page, name: string, states: number[][], pending: number[]) {
  return page.evaluate(
    async ({ name, states, pending }) => {
      const { IdbStorage, secret } = (globalThis as unknown as { mtkit: SecretPage }).mtkit;
      const first = await IdbStorage.open(name);
      const store = new secret.KvSecretChatStore(first.kv);
      for (const bytes of states) await store.save(secret.decodeChatState(Uint8Array.from(bytes)));
      await store.savePending(secret.decodeTagged(Uint8Array.from(pending)) as never);
      await first.close();

      const second = await IdbStorage.open(name);
      const reopened = new secret.KvSecretChatStore(second.kv);
      const loaded = (await reopened.load()).map((state) => Array.from(secret.encodeChatState(state)));
      const requests = (await reopened.loadPending()).map((record) => Array.from(secret.encodeTagged(record)));
      await second.close();
      return { loaded, requests };
    },
    { name, states, pending },
  );
}

it("keeps a secret chat's whole state and a pending request in IndexedDB across close and reopen", async () => {
  const states = busyStates();
  const [alice, bob] = states;
  // The states really carry what must survive: otherwise the round trip would prove less.
  expect(alice!.outbox.length).toBeGreaterThan(2);
  expect(alice!.rekey.phase).toBe("requested");
  expect(alice!.ttl.some((entry) => entry.expiresAt !== undefined)).toBe(true);
  expect(bob!.held.length).toBe(1);
  expect(bob!.resendRequestedTo).toBeGreaterThanOrEqual(0);
  expect([alice!.layer, bob!.layerNotified]).toEqual([144, true]);
  const pending = pendingRequest();

  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === "ready", undefined, { timeout: 25_000 });
  // Each side's state in its own database: they are the same chat (one id), as on two devices.
  for (const [side, state] of [
    ["alice", alice!],
    ["bob", bob!],
  ] as const) {
    const back = await roundTrip(
      page,
      `secret-${side}`,
      [Array.from(encodeChatState(state))],
      Array.from(encodeTagged(pending)),
    );
    expect(back.loaded.map((bytes) => decodeChatState(Uint8Array.from(bytes)))).toEqual([state]);
    expect(back.requests.map((bytes) => decodeTagged(Uint8Array.from(bytes)))).toEqual([pending]);
  }
  await page.close();
});
