// Part 5 of the demo, secret chats (https://core.telegram.org/api/end-to-end): Alice and Bob open
// an end-to-end encrypted chat and print the same key emoji, exchange messages, a message
// self-destructs on both sides after Bob reads it, a file goes through encrypted, 100 messages
// later the key is replaced (forward secrecy), and a scan of everything the server keeps finds no
// plaintext. Each check fails the demo loudly.
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import type { SecretChats, SecretChatsEvent } from "@mtkit/client/secret";
import { installFiles, installWorld, secretRelayOf, TestServer } from "@mtkit/test-server";
import { step } from "./step.js";

const TTL_SECONDS = 5;
const FILE_BYTES = 1_500_000;

interface Side {
  readonly client: TelegramClient;
  readonly chats: SecretChats;
  readonly events: SecretChatsEvent[];
}

async function login(server: TestServer, phone: string): Promise<Side> {
  const client = new TelegramClient({
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    testServer: server,
  });
  await client.start({ phone, code: () => "11111" });
  const events: SecretChatsEvent[] = [];
  const chats = await client.secretChats();
  chats.subscribe((event) => events.push(event));
  return { client, chats, events };
}

function until(ready: () => boolean, what: string, ms = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (ready()) resolve();
      else if (Date.now() - started > ms) reject(new Error(`secret demo: ${what} did not happen in ${String(ms)} ms`));
      else setTimeout(check, 20);
    };
    check();
  });
}

const texts = (side: Side): string[] =>
  side.events.flatMap((e) => (e.type === "chat" && e.event.type === "message" ? [e.event.text] : []));

const deleted = (side: Side, randomId: bigint): boolean =>
  side.events.some((e) => e.type === "chat" && e.event.type === "deleted" && e.event.randomIds.includes(randomId));

export async function secretDemo(): Promise<void> {
  console.log("\nPart 5 — secret chats: end-to-end encryption, self-destruct, a file, re-keying\n");
  const server = await TestServer.start({ dcs: 1 });
  const world = installWorld(server, { homeDc: 1 });
  const files = installFiles(server);
  const alice = await login(server, "+9996610011");
  const bob = await login(server, "+9996610012");
  try {
    const [a, b] = await step(
      "Alice asks Bob for a secret chat, Bob accepts",
      async () => {
        const me = await bob.client.getMe();
        const asked = alice.chats.request({
          _: "inputUser",
          userId: me.id,
          accessHash: me.accessHash ?? 0n,
        });
        await until(() => bob.events.some((e) => e.type === "request"), "Bob's request");
        const request = bob.events.find((e) => e.type === "request");
        const accepted = await bob.chats.accept(request?.type === "request" ? request.chatId : -1);
        const opened = await asked;
        if (opened.visualization.emoji !== accepted.visualization.emoji) throw new Error("secret demo: keys differ");
        return [opened, accepted] as const;
      },
      ([opened]) => `both print ${opened.visualization.emoji.slice(0, 24) /* 12 emoji of two UTF-16 units */}…`,
    );
    await step(
      "messages both ways, layer 144 negotiated",
      async () => {
        await a.send("Hi Bob, only you can read this");
        await b.send("Hi Alice, same here");
        await until(() => texts(bob).length === 1 && texts(alice).length === 1, "the two messages");
        return `Bob read "${texts(bob)[0] ?? ""}"`;
      },
      (summary) => summary,
    );
    await step(
      `a ${String(TTL_SECONDS)} s self-destruct message vanishes on both sides once read`,
      async () => {
        const id = await a.send("this message will self-destruct", { ttl: TTL_SECONDS });
        await until(() => texts(bob).includes("this message will self-destruct"), "the timed message");
        await b.markRead([id]);
        // The host owns timers: tick() runs the due self-destruct timers.
        await until(
          () => {
            void alice.chats.tick();
            void bob.chats.tick();
            return deleted(alice, id) && deleted(bob, id);
          },
          "the self-destruct",
          (TTL_SECONDS + 15) * 1000,
        );
        return "deleted on both sides";
      },
      (summary) => summary,
    );
    const plainFile = new Uint8Array(FILE_BYTES).map((_, i) => "secret file content ".charCodeAt(i % 20));
    await step(
      `an encrypted ${String(FILE_BYTES / 1e6)} MB file goes through in parts, with its thumbnail`,
      async () => {
        const thumbnail = { bytes: plainFile.slice(0, 1_000), w: 90, h: 60 }; // a stand-in for a small JPEG
        await a.sendFile(plainFile, { fileName: "plans.txt", mimeType: "text/plain", thumbnail });
        await until(() => texts(bob).length === 3, "the file message");
        const event = bob.events.findLast((e) => e.type === "chat" && e.event.type === "message");
        const message = event?.type === "chat" && event.event.type === "message" ? event.event : undefined;
        if (message === undefined) throw new Error("secret demo: no file message");
        const bytes = await b.downloadFile(message);
        if (Buffer.compare(Buffer.from(bytes), Buffer.from(plainFile)) !== 0)
          throw new Error("secret demo: file differs");
        const thumb = message.description?.thumbnail;
        return `Bob decrypted ${String(bytes.length)} identical bytes of ${message.description?.fileName ?? "?"} (thumbnail ${String(thumb?.w)}x${String(thumb?.h)}, ${String(thumb?.bytes.length)} bytes)`;
      },
      (summary) => summary,
    );
    await step(
      "100 more messages: the key is replaced (re-keying)",
      async () => {
        const first = a.fingerprint;
        for (let i = 0; i < 100; i++) await a.send(`message ${String(i)}`);
        await until(() => a.fingerprint !== first && a.fingerprint === b.fingerprint, "the re-key");
        return `key fingerprint ${first.toString(16)} -> ${a.fingerprint.toString(16)}`;
      },
      (summary) => summary,
    );
    await step(
      "everything the server keeps holds no plaintext",
      () => {
        const relay = secretRelayOf(world.world);
        const blobs: Uint8Array[] = [];
        for (const queue of relay.queues.values()) for (const entry of queue) blobs.push(entry.message.bytes);
        for (const sent of relay.sentRandomIds.values()) {
          const stored = sent.file._ === "encryptedFile" ? files.fileById(sent.file.id) : undefined;
          if (stored !== undefined) blobs.push(stored.content.read(0, stored.content.size));
        }
        const haystack = Buffer.concat(blobs);
        for (const needle of ["only you can read", "same here", "self-destruct", "secret file content"])
          if (haystack.includes(Buffer.from(needle))) throw new Error(`secret demo: the server holds "${needle}"`);
        return `${String(haystack.length)} bytes scanned, none readable`;
      },
      (summary) => summary,
    );
  } finally {
    await alice.client.disconnect();
    await bob.client.disconnect();
    files.clear();
    await server.close();
  }
}
