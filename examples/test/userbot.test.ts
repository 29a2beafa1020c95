// The userbot example against a real test server serving the world: its owner's commands act,
// and the same words from somebody else do nothing.
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { installWorld, TestServer, type WorldServer } from "@mtkit/test-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runUserbot, textOf } from "../src/userbot.js";

const crypto = createNodeCrypto();
const OWNER = "9996621234"; // a test number: DC 2, code 22222
const FRIEND = { phone: "+1 555 0300", firstName: "Friend", username: "friend" };
let server: TestServer;
let world: WorldServer;
beforeAll(async () => {
  server = await TestServer.start({ crypto, dcs: 2 });
  world = installWorld(server, { crypto, homeDc: 2, users: [FRIEND] });
});
afterAll(async () => {
  await server.close();
});

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it("userbot: logs in with a test number; .ping, .dialogs and .purge act on the owner's messages only", async () => {
  const bot = await runUserbot({ phone: OWNER, code: () => "22222", where: { testServer: server } });
  const friend = new TelegramClient({ apiId: 1, apiHash: "x", storage: new MemoryStorage(), testServer: server });
  // The owner types commands on their phone: another session of the same account.
  const phone = new TelegramClient({ apiId: 1, apiHash: "x", storage: new MemoryStorage(), testServer: server });
  try {
    await friend.start({ phone: FRIEND.phone, code: () => world.lastCode(FRIEND.phone) ?? "" });
    await phone.start({ phone: OWNER, code: () => "22222" });
    const me = await bot.getMe();
    const ping = await phone.sendText("@friend", ".ping");
    const chat = ping.chatId;
    expect(
      await until(
        () => textOf(phone, ping),
        (text) => text === "pong",
        ".ping edited",
      ),
    ).toBe("pong");

    const dialogs = await phone.sendText(chat, ".dialogs");
    const listed = await until(
      () => textOf(phone, dialogs),
      (text) => text?.startsWith("dialogs:") === true,
      ".dialogs",
    );
    expect(listed).toContain("Friend");

    // Somebody else's ".ping" is not a command (the friend learnt the owner from the messages above).
    await until(
      () => friend.getDialogs(),
      (page) => page.dialogs.length > 0,
      "the friend's dialog with the owner",
    );
    const foreign = await friend.sendText(Number(me.id), ".ping");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await textOf(friend, foreign)).toBe(".ping");

    const purge = await phone.sendText(chat, ".purge 2");
    const gone = (found: readonly unknown[]): boolean => found.every((m) => m === null);
    await until(() => bot.getMessages(chat, [purge.id, dialogs.id, ping.id]), gone, ".purge 2");
    // The friend's message stays: it is all the owner's history with them now.
    const left = await bot.getHistory(chat);
    expect(left.messages.map((m) => [m.text, m.outgoing])).toEqual([[".ping", false]]);
  } finally {
    await friend.disconnect();
    await phone.disconnect();
    await bot.disconnect();
  }
});
