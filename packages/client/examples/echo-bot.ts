// The echo bot of the README, run by test/world/echo-bot.test.ts: the lines between the markers
// must appear in README.md exactly as here (the test checks).
import {
  command,
  incoming,
  MemoryStorage,
  TelegramClient,
  type Message,
  type ParsedCommand,
  type TelegramClientOptions,
} from "../src/node/index.js";

export async function runEchoBot(
  token: string,
  where: Pick<TelegramClientOptions, "dcs" | "testServer" | "transport">,
): Promise<TelegramClient> {
  // README:start
  const storage = new MemoryStorage();
  const bot = new TelegramClient({ apiId: 12345, apiHash: "0123456789abcdef0123456789abcdef", storage, ...where });
  await bot.start({ botToken: token });
  const greet = (message: Message & { command: ParsedCommand }) =>
    bot.sendText(message.chatId, `Hello ${message.command.argsText || "there"}! I repeat what you say.`);
  bot.on("newMessage", greet, command("start"));
  const echo = async (message: Message) => {
    if (message.text === "" || message.text.startsWith("/")) return;
    await bot.sendText(message.chatId, message.text, { replyTo: message.id, entities: message.entities });
  };
  bot.on("newMessage", echo, incoming);
  // README:end
  return bot;
}
