// Bundled by esbuild (platform "browser") and loaded into Chromium by secret-chat-in-browser.test.ts:
// a TelegramClient with IndexedDB storage over WebSocket, in a secret chat with a Node client.
import { TelegramClient, type SentCode } from "../../src/index.js";
import type { SecretChats, SecretChatsEvent } from "../../src/secret/index.js";
import { IdbStorage } from "../../src/storage/idb/index.js";
import type { PageServer } from "./client-page.js";
import { pageClientOptions } from "./page-client-options.js";

export interface ChatSummary {
  readonly id: number;
  /** The key fingerprint as a decimal string (bigints do not cross page.evaluate). */
  readonly fingerprint: string;
}

declare global {
  interface Window {
    mtkitSecret: {
      sendCode(server: PageServer, phone: string): Promise<void>;
      signIn(code: string): Promise<void>;
      resume(server: PageServer): Promise<ChatSummary[]>;
      request(userId: string, accessHash: string): Promise<ChatSummary>;
      send(chatId: number, text: string): Promise<void>;
      received(): string[];
      errors(): string[];
    };
  }
}

interface Running {
  readonly client: TelegramClient;
  readonly chats: SecretChats;
  readonly events: SecretChatsEvent[];
}

let client: TelegramClient | undefined;
let sent: SentCode | undefined;
let running: Running | undefined;

async function open(server: PageServer): Promise<TelegramClient> {
  const opened = new TelegramClient(pageClientOptions(server, await IdbStorage.open("secret-chat")));
  await opened.connect();
  return opened;
}

async function listen(opened: TelegramClient): Promise<Running> {
  const chats = await opened.secretChats();
  const events: SecretChatsEvent[] = [];
  chats.subscribe((event) => events.push(event));
  await chats.restore();
  return { client: opened, chats, events };
}

function summary(chat: { id: number; fingerprint: bigint }): ChatSummary {
  return { id: chat.id, fingerprint: chat.fingerprint.toString() };
}

function current(): Running {
  if (running === undefined) throw new Error("not signed in");
  return running;
}

window.mtkitSecret = {
  async sendCode(server, phone) {
    client = await open(server);
    sent = await client.sendCode(phone);
  },
  async signIn(code) {
    if (client === undefined || sent === undefined) throw new Error("sendCode first");
    await client.signIn(sent, code);
    running = await listen(client);
  },
  async resume(server) {
    running = await listen(await open(server));
    return (await running.chats.restore()).map(summary);
  },
  async request(userId, accessHash) {
    const user = { _: "inputUser", userId: BigInt(userId), accessHash: BigInt(accessHash) } as const;
    return summary(await current().chats.request(user));
  },
  async send(chatId, text) {
    const chat = current().chats.get(chatId);
    if (chat === undefined) throw new Error(`no chat ${String(chatId)}`);
    await chat.send(text);
  },
  received() {
    return current().events.flatMap((e) => (e.type === "chat" && e.event.type === "message" ? [e.event.text] : []));
  },
  errors() {
    return current().events.flatMap((e) => (e.type === "error" ? [e.error.code] : []));
  },
};
document.title = "ready";
