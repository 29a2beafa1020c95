// Secret chats end to end (https://core.telegram.org/api/end-to-end): two mtkit clients of two
// accounts on an in-process @mtkit/test-server over loopback TCP. Row 1: messages per second, each
// encrypted by Alice's client, sent (messages.sendEncrypted, one at a time in order, as the chat's
// sequence numbers want), relayed by the server, received through the updates engine and decrypted
// by Bob's; the re-keying every 100 messages is part of it. Row 2: one re-key (RequestKey, AcceptKey,
// CommitKey: two 2048-bit DH halves per side and three round trips), median of several.
// No peer library has secret chats (mtcute and GramJS do not), so the figures stand alone.
// Run: pnpm --filter @mtkit/bench run bench:secret [-- --quick]   (--quick: 300 messages, 3 re-keys)
import { MemoryStorage } from "@mtkit/client";
import type { SecretChat, SecretChats, SecretChatsEvent } from "@mtkit/client/secret";
import { TelegramClient } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { installWorld, TestServer } from "@mtkit/test-server";

const quick = process.argv.includes("--quick");
const MESSAGES = quick ? 300 : 3000;
const REKEYS = quick ? 3 : 9;
const crypto = createNodeCrypto();
const server = await TestServer.start({ dcs: 1, crypto });
installWorld(server, { crypto, homeDc: 1 });

async function login(
  phone: string,
  firstName: string,
): Promise<{ client: TelegramClient; chats: SecretChats; events: SecretChatsEvent[] }> {
  const client = new TelegramClient({
    apiId: 1,
    apiHash: "x",
    storage: new MemoryStorage(),
    crypto,
    testServer: server,
  });
  await client.start({ phone, code: () => "11111", firstName });
  const events: SecretChatsEvent[] = [];
  const chats = await client.secretChats();
  chats.subscribe((event) => events.push(event));
  return { client, chats, events };
}

function until(ready: () => boolean, what: string, ms = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (ready()) resolve();
      else if (Date.now() - started > ms) reject(new Error(`secret bench: ${what} did not happen in ${String(ms)} ms`));
      else setTimeout(check, 1);
    };
    check();
  });
}

const alice = await login("9996610001", "Alice");
const bob = await login("9996610002", "Bob");
const me = await bob.client.getMe();
const requested = alice.chats.request({ _: "inputUser", userId: me.id, accessHash: me.accessHash ?? 0n });
await until(() => bob.events.some((e) => e.type === "request"), "the request");
const request = bob.events.find((e) => e.type === "request");
const b: SecretChat = await bob.chats.accept(request?.type === "request" ? request.chatId : -1);
const a = await requested;
await until(() => a.core.state.layer === 144 && b.core.state.layer === 144, "layer negotiation");

let received = 0;
bob.chats.subscribe((e) => {
  if (e.type === "chat" && e.event.type === "message") received++;
});
const started = performance.now();
for (let i = 0; i < MESSAGES; i++) await a.send(`message ${String(i)}`);
await until(() => received === MESSAGES, `${String(MESSAGES)} messages`);
const seconds = (performance.now() - started) / 1000;

const rekeyMs: number[] = [];
for (let i = 0; i < REKEYS; i++) {
  await until(() => a.core.state.rekey.phase === "idle" && b.core.state.rekey.phase === "idle", "an idle chat");
  const before = a.fingerprint;
  const t0 = performance.now();
  await a.rekey();
  await until(() => a.fingerprint !== before && a.fingerprint === b.fingerprint, "a re-key");
  rekeyMs.push(performance.now() - t0);
}
rekeyMs.sort((x, y) => x - y);
const median = rekeyMs[Math.floor(rekeyMs.length / 2)] ?? NaN;

console.log("\nsecret chats (mtkit only: no peer library has them), two clients, test server over loopback TCP");
console.log(
  `  messages end to end   ${(MESSAGES / seconds).toFixed(0).padStart(7)} msg/s  (${String(MESSAGES)} messages in ${seconds.toFixed(2)} s, re-keys every 100 included)`,
);
console.log(`  one re-key            ${median.toFixed(1).padStart(7)} ms     (median of ${String(REKEYS)})`);
await alice.client.disconnect();
await bob.client.disconnect();
await server.close();
