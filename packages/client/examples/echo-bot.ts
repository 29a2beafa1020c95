// The echo bot of the README, run by test/world/echo-bot.test.ts: the lines between the markers
// must appear in README.md exactly as here (the test checks).
import { command, incoming, MemoryStorage, TelegramClient, type TelegramClientOptions } from "../src/node/index.js";

export async function runEchoBot(
  token: string,
  where: Pick<TelegramClientOptions, "dcs" | "testServer" | "transport">,
): Promise<TelegramClient> {
  // README:start
  const bot = new TelegramClient({
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    ...where,
  });
  await bot.start({ botToken: token });
  const start = command("start");
  bot.on(
    "newMessage",
    async (message) => {
      await bot.sendText(message.chatId, `Hello ${message.command.argsText || "there"}! I repeat what you say.`);
    },
    start,
  );
  bot.on(
    "newMessage",
    async (message) => {
      if (message.text === "" || message.text.startsWith("/")) return;
      await bot.sendText(message.chatId, message.text, { replyTo: message.id, entities: message.entities });
    },
    incoming,
  );
  // README:end
  return bot;
}
