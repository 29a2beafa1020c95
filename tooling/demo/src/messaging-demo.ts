// Part 4 of the demo, messaging: Bob goes offline; Alice writes to him and posts in a 200,000-member
// supergroup he is in; Bob comes back and the updates engine gives him exactly what he missed, once
// and in order (checked, the demo fails loudly otherwise); a chat auto-delete timer removes a message
// for both sides; an echo bot answers /start. https://core.telegram.org/api/updates
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  command,
  MemoryStorage,
  SqliteStorage,
  TelegramClient,
  type ClientStorage,
  type Message,
} from "@mtkit/client/node";
import { installWorld, TestServer } from "@mtkit/test-server";
import { step } from "./step.js";

const BOT_TOKEN = "6060:messaging-demo";
const MISSED_PRIVATE = 20;
const MISSED_IN_GROUP = 10;
const TTL_SECONDS = 2;

/** What the updates engine reports it fetched: "pts" (the account's box) or a channel id. */
type CatchUps = { box: string; reason: string; updates: number }[];

function newClient(server: TestServer, storage: ClientStorage, catchUps: CatchUps = []): TelegramClient {
  const reasons = new Map<string, string>();
  return new TelegramClient({
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage,
    testServer: server,
    // A missing pts is fetched after 100 ms instead of the default 500.
    updates: { gapWaitMs: 100 },
    onEvent: (event) => {
      if (event.type === "updates_fetch") reasons.set(String(event.box), event.reason);
      if (event.type === "updates_caught_up" && event.updates > 0)
        catchUps.push({ box: String(event.box), reason: reasons.get(String(event.box)) ?? "", updates: event.updates });
    },
  });
}

/** Resolves once `ready()` holds, checked after every event of the client; rejects after `ms`. */
function until(ready: () => boolean, what: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      if (ready()) resolve();
      else if (Date.now() - started > ms)
        reject(new Error(`messaging demo: ${what} did not arrive in ${String(ms)} ms`));
      else setTimeout(check, 20);
    };
    check();
  });
}

/** Throws (the demo fails) unless `got` is exactly `expected`: same texts, same order, nothing twice. */
function expectExactly(what: string, got: readonly string[], expected: readonly string[]): void {
  const same = got.length === expected.length && got.every((text, i) => text === expected[i]);
  if (!same)
    throw new Error(
      `messaging demo: ${what} differ\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(got)}`,
    );
}

const describe = (catchUps: CatchUps): string =>
  catchUps
    .map((c) => `${c.box === "pts" ? "account box" : `channel ${c.box}`}, ${c.reason}: ${String(c.updates)} updates`)
    .join("; ");

const numbered = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix} ${String(i + 1)}`);

export async function messagingDemo(): Promise<void> {
  console.log("\nPart 4 — messaging: offline catch-up, a 200,000-member supergroup, auto-delete, a bot\n");
  const server = await TestServer.start({ dcs: 1 });
  // Auto-delete runs every 250 ms here (on the world's clock), so a 2 s timer shows within the demo.
  const world = installWorld(server, {
    homeDc: 1,
    autoDeleteIntervalMs: 250,
    bots: [{ token: BOT_TOKEN, username: "echo_demo_bot", firstName: "Echo" }],
  });
  const aliceAccount = world.addUser({ phone: "+9996610001", firstName: "Alice", username: "alice" });
  const bobAccount = world.addUser({ phone: "+9996610002", firstName: "Bob", username: "bob" });
  const group = await step(
    "a supergroup with Bob and 200,000 generated members",
    () =>
      world.addChannel({
        title: "Town square",
        megagroup: true,
        username: "town_square",
        creatorId: aliceAccount.id,
        memberIds: [bobAccount.id],
        generatedMembers: 200_000,
      }),
    (c) => `@town_square, channel id ${String(c.id)}`,
  );
  const dir = mkdtempSync(join(tmpdir(), "mtkit-demo-messaging-"));
  const bobFile = join(dir, "bob.session");
  const alice = newClient(server, new MemoryStorage());
  const bot = newClient(server, new MemoryStorage());
  let bobStorage = new SqliteStorage(bobFile);
  let bob = newClient(server, bobStorage);
  try {
    await step(
      "Alice, Bob (test numbers, code 11111) and a bot log in",
      async () => {
        const names = [
          await alice.start({ phone: "+9996610001", code: () => "11111" }),
          await bob.start({ phone: "+9996610002", code: () => "11111" }),
          await bot.start({ botToken: BOT_TOKEN }),
        ];
        return names.map((user) => `@${user.username ?? ""}`).join(", ");
      },
      (names) => names,
    );
    const groupChatId = -(1_000_000_000_000 + Number(group.id));
    // Bob sees one post online: his client now knows the group and keeps its pts box.
    const firstSeen: Message[] = [];
    bob.on("newMessage", (m) => void firstSeen.push(m));
    await alice.sendText("@town_square", "welcome, everyone");
    await until(() => firstSeen.length > 0, "the welcome post");
    await step(
      "Bob disconnects; his update state stays in SQLite",
      async () => {
        await bob.disconnect();
        await bobStorage.close();
        return bob.updates.state;
      },
      (state) => `pts ${String(state?.pts)}, group pts ${String(bob.updates.channelPts(group.id))}`,
    );

    const privateTexts = numbered("for Bob", MISSED_PRIVATE);
    const groupTexts = numbered("group post", MISSED_IN_GROUP);
    await step(
      `Alice sends Bob ${String(MISSED_PRIVATE)} messages, posts ${String(MISSED_IN_GROUP)} in the group`,
      async () => {
        for (const text of privateTexts) await alice.sendText("@bob", text);
        for (const text of groupTexts) await alice.sendText("@town_square", text);
      },
      () => "while Bob is offline",
    );

    const received: Message[] = [];
    const catchUps: CatchUps = [];
    bobStorage = new SqliteStorage(bobFile);
    bob = newClient(server, bobStorage, catchUps);
    bob.on("newMessage", (m) => void received.push(m));
    const fromAlice = (): string[] => received.filter((m) => m.chatId === Number(aliceAccount.id)).map((m) => m.text);
    const inGroup = (): string[] => received.filter((m) => m.chatId === groupChatId).map((m) => m.text);
    // Channel posts are not in the account's box: getDifference names the group with
    // updateChannelTooLong and getChannelDifference fetches it (https://core.telegram.org/api/updates).
    await step(
      "Bob reconnects: getDifference, then getChannelDiff.",
      async () => {
        await bob.connect();
        await bob.updates.catchUp();
        await bob.updates.flush();
      },
      () =>
        `${String(fromAlice().length)} private messages, ${String(inGroup().length)} group posts (${describe(catchUps)})`,
    );
    expectExactly("Bob's missed private messages", fromAlice(), privateTexts);
    expectExactly("Bob's missed group posts", inGroup(), groupTexts);
    console.log(
      `             · Bob got exactly what Alice sent, in order, none twice: "${privateTexts[0] ?? ""}" … "${privateTexts.at(-1) ?? ""}", "${groupTexts[0] ?? ""}" … "${groupTexts.at(-1) ?? ""}"`,
    );

    const deletedForAlice: number[] = [];
    const deletedForBob: number[] = [];
    alice.on("deleteMessages", ({ ids }) => void deletedForAlice.push(...ids));
    bob.on("deleteMessages", ({ ids }) => void deletedForBob.push(...ids));
    await alice.setHistoryTtl("@bob", TTL_SECONDS);
    const doomedText = `this disappears in ${String(TTL_SECONDS)} s`;
    const sent = await alice.sendText("@bob", doomedText);
    await until(() => received.some((m) => m.text === doomedText), "the auto-delete message");
    const bobsCopy = received.find((m) => m.text === doomedText);
    console.log(`             · Bob received "${doomedText}" with ttlPeriod ${String(bobsCopy?.ttlPeriod)}`);
    await step(
      "…and it is deleted for both (updateDeleteMessages)",
      () =>
        until(
          () => deletedForAlice.includes(sent.id) && bobsCopy !== undefined && deletedForBob.includes(bobsCopy.id),
          "the deletion",
          6000,
        ),
      () => `Alice's id ${String(sent.id)}, Bob's id ${String(bobsCopy?.id)}`,
    );
    const history: string[] = [];
    for await (const m of bob.iterHistory("@alice", { limit: 5 }))
      history.push(m.service ? "(service: auto-delete set)" : m.text);
    if (history.includes(doomedText))
      throw new Error("messaging demo: the auto-deleted message is still in Bob's history");
    console.log(`             · Bob's newest history with Alice: ${history.map((t) => JSON.stringify(t)).join(", ")}`);

    bot.on(
      "newMessage",
      async (m) => {
        await bot.sendText(m.chatId, `Hello ${m.command.argsText || "there"}! I am an echo bot.`);
      },
      command("start"),
    );
    const botId = Number((await bot.getMe()).id);
    const fromBot = (): Message | undefined => received.find((m) => m.senderId === botId);
    const reply = await step(
      "Bob sends /start to @echo_demo_bot; the bot answers",
      async () => {
        await bob.sendText("@echo_demo_bot", "/start Bob");
        await until(() => fromBot() !== undefined, "the bot's reply");
        return fromBot();
      },
      (m) => JSON.stringify(m?.text),
    );
    if (reply === undefined) throw new Error("messaging demo: no reply from the bot");
  } finally {
    await Promise.all([alice.disconnect(), bob.disconnect(), bot.disconnect()]);
    await bobStorage.close().catch(() => undefined);
    world.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
