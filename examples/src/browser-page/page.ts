// The browser page example (docs/ and examples/ README): a whole TelegramClient in a web page,
// over WebSocket, with its session in IndexedDB. Bundle it for the browser (esbuild, Vite, ...) as
// page.js next to index.html. Against Telegram you would pass only apiId/apiHash (the client knows
// the wss:// endpoints); here the page reads where the local test server listens from server.json.
import { TelegramClient } from "@mtkit/client";
import { IdbStorage } from "@mtkit/client/idb";
import { createPortableCrypto } from "@mtkit/mtproto-crypto";
import { createWebSocketTransport } from "@mtkit/transport-ws";

/** What the page is told about the server (the test writes it; a real app needs none of it). */
export interface PageConfig {
  readonly botToken: string;
  /** Who the bot greets, e.g. "@someone". */
  readonly greet: string;
  readonly publicKeyPem: string;
  readonly endpoints: readonly {
    readonly id: number;
    readonly host: string;
    readonly port: number;
    readonly wsPort: number;
  }[];
}

/** What the page shows when it is done (and the test reads). */
export interface PageOutcome {
  readonly botName: string;
  readonly sentText: string;
  readonly messageId: number;
  readonly crypto: string;
  /** true when the session came from IndexedDB (a reload): no new login, no new auth key. */
  readonly resumed: boolean;
}

export async function runPage(config: PageConfig): Promise<PageOutcome> {
  const crypto = createPortableCrypto(); // Web Crypto + WebAssembly AES; no Node modules
  const storage = await IdbStorage.open("example-bot"); // survives a reload
  const wsUrl = (dcId: number): string =>
    `ws://127.0.0.1:${config.endpoints.find((e) => e.id === dcId)?.wsPort ?? 0}/apiws`;
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage,
    crypto,
    testServer: config,
    transport: (address) => createWebSocketTransport({ crypto, url: wsUrl(address.dcId) }),
  });
  try {
    await client.connect();
    const resumed = (await storage.session.getSelf()) !== null;
    const me = resumed ? await client.getMe() : await client.signInBot(config.botToken);
    const sent = await client.sendText(config.greet, `hello from ${me.firstName ?? "a bot"} in a browser`);
    return {
      botName: me.firstName ?? "",
      sentText: sent.text,
      messageId: sent.id,
      crypto: client.crypto.name,
      resumed,
    };
  } finally {
    await client.disconnect();
    await storage.close();
  }
}

/** Runs on load: reads server.json, runs, and shows the outcome (title "done" or "failed"). */
async function main(): Promise<void> {
  const log = document.getElementById("log");
  try {
    const config = (await (await fetch("./server.json")).json()) as PageConfig;
    const outcome = await runPage(config);
    if (log !== null) log.textContent = JSON.stringify(outcome);
    document.title = "done";
  } catch (error) {
    if (log !== null) log.textContent = String(error);
    document.title = "failed";
  }
}

if (typeof document !== "undefined") void main();
