// A userbot: an ordinary user account driven by code. It logs in with a phone number and the code
// Telegram sends, then acts on commands its owner types in any chat, from any of the owner's devices:
//   .ping         -> the command message is edited into "pong"
//   .dialogs      -> the command is edited into the titles of the owner's first dialogs
//   .purge N      -> the owner's last N messages in this chat are deleted (the command too)
// Run by examples/test/examples.test.ts against the local test server, whose test phone numbers
// (99966XYYYY, code X five times) sign in without a real SIM.
import {
  and,
  MemoryStorage,
  outgoing,
  regex,
  TelegramClient,
  type Message,
  type TelegramClientOptions,
} from "@mtkit/client/node";

export interface UserbotOptions {
  readonly phone: string;
  /** Asked once: the login code (from the SMS, or from the test server). */
  readonly code: () => string | Promise<string>;
  /** Where to connect: `{ testServer }` here, `{ dcs }` or nothing (Telegram's production DCs) elsewhere. */
  readonly where: Pick<TelegramClientOptions, "dcs" | "testServer" | "transport">;
}

export async function runUserbot(options: UserbotOptions): Promise<TelegramClient> {
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    ...options.where,
  });
  await client.start({ phone: options.phone, code: options.code, firstName: "Userbot" });

  // Only the owner's own messages are commands: `outgoing` keeps a userbot from obeying strangers.
  // (Composed filters are held in a const so that TypeScript narrows the handler's argument.)
  const ping = and(outgoing, regex(/^\.ping$/));
  const dialogs = and(outgoing, regex(/^\.dialogs$/));
  const purge = and(outgoing, regex(/^\.purge (\d+)$/));

  client.on("newMessage", (message) => client.editMessage(message.chatId, message.id, "pong"), ping);

  client.on(
    "newMessage",
    async (message) => {
      const titles: string[] = [];
      for await (const dialog of client.iterDialogs()) {
        titles.push(dialog.title);
        if (titles.length === 5) break;
      }
      await client.editMessage(message.chatId, message.id, `dialogs: ${titles.join(", ")}`);
    },
    dialogs,
  );

  client.on(
    "newMessage",
    async (message) => {
      const count = Number(message.match[1]);
      const mine: number[] = [message.id];
      for await (const old of client.iterHistory(message.chatId, { offsetId: message.id })) {
        if (mine.length > count) break;
        if (old.outgoing) mine.push(old.id);
      }
      await client.deleteMessages(message.chatId, mine, { revoke: true });
    },
    purge,
  );

  return client;
}

/** The text a chat shows now for one message (after the userbot edited it). */
export async function textOf(client: TelegramClient, message: Message): Promise<string | undefined> {
  const [now] = await client.getMessages(message.chatId, [message.id]);
  return now?.text;
}
