// Bundled by esbuild (platform "browser") and loaded into Chromium by client-in-browser.test.ts:
// the whole TelegramClient with the portable crypto provider, IndexedDB storage and the browser
// WebSocket transport, against the Node test server.
import { gzipWithStreams, inflateWithStreams, type AsyncGunzip } from "@mtkit/session";
import { TelegramClient } from "../../src/index.js";
import type { ClientEvent, SentCode } from "../../src/index.js";
import { IdbStorage } from "../../src/storage/idb/index.js";
import { pageClientOptions } from "./page-client-options.js";

export interface PageServer {
  readonly endpoints: readonly {
    readonly id: number;
    readonly host: string;
    readonly port: number;
    readonly wsPort: number | null;
  }[];
  readonly publicKeyPem: string;
}

export interface PageResult {
  readonly firstName: string;
  readonly homeDcId: number;
  readonly crypto: string;
  readonly keysCreated: number;
  readonly nearestDc: number;
  /** gzip_packed answers inflated through DecompressionStream (help.getConfig is one). */
  readonly inflatedWithStreams: number;
}

/** The client, counting what goes through its asynchronous (DecompressionStream) inflater. */
class CountingClient extends TelegramClient {
  static inflated = 0;
  protected override gunzip(): AsyncGunzip | undefined {
    const inner = super.gunzip();
    return inner === undefined
      ? undefined
      : (data, maxBytes) => {
          CountingClient.inflated++;
          return inner(data, maxBytes);
        };
  }
}

declare global {
  interface Window {
    mtkitClient: {
      sendCode(server: PageServer, phone: string): Promise<number>;
      signIn(code: string): Promise<PageResult>;
      resume(server: PageServer): Promise<PageResult>;
      gzipStreams(): Promise<{ roundTrip: boolean; bomb: string }>;
    };
  }
}

const DATABASE = "browser-client";
let pending: { client: TelegramClient; storage: IdbStorage; events: ClientEvent[]; sent: SentCode } | undefined;

async function openClient(
  server: PageServer,
): Promise<{ client: TelegramClient; storage: IdbStorage; events: ClientEvent[] }> {
  const storage = await IdbStorage.open(DATABASE);
  const events: ClientEvent[] = [];
  const client = new CountingClient({ ...pageClientOptions(server, storage), onEvent: (event) => events.push(event) });
  return { client, storage, events };
}

async function finish(
  client: TelegramClient,
  storage: IdbStorage,
  events: ClientEvent[],
  firstName: string,
): Promise<PageResult> {
  const nearest = await client.invoke({ _: "help.getNearestDc" });
  await client.invoke({ _: "help.getConfig" });
  const result: PageResult = {
    firstName,
    homeDcId: client.homeDcId,
    crypto: client.crypto.name,
    keysCreated: events.filter((e) => e.type === "auth_key_created").length,
    nearestDc: nearest.thisDc,
    inflatedWithStreams: CountingClient.inflated,
  };
  await client.disconnect();
  await storage.close();
  return result;
}

/** CompressionStream round trip, and a gzip bomb against the running cap. */
async function gzipStreams(): Promise<{ roundTrip: boolean; bomb: string }> {
  const text = new TextEncoder().encode("gzip in a page ".repeat(1000));
  const roundTrip = (await inflateWithStreams(await gzipWithStreams(text))).join() === text.join();
  // 8 MiB of zeros (about 8 KB packed) against a 1 MiB cap.
  const bomb = await inflateWithStreams(await gzipWithStreams(new Uint8Array(8 * 1024 * 1024)), 1024 * 1024).then(
    () => "inflated",
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );
  return { roundTrip, bomb };
}

window.mtkitClient = {
  gzipStreams,
  async sendCode(server, phone) {
    const { client, storage, events } = await openClient(server);
    await client.connect();
    pending = { client, storage, events, sent: await client.sendCode(phone) };
    return client.homeDcId;
  },
  async signIn(code) {
    if (pending === undefined) throw new Error("sendCode first");
    const { client, storage, events, sent } = pending;
    pending = undefined;
    const me = await client.signIn(sent, code);
    return finish(client, storage, events, me.firstName ?? "");
  },
  async resume(server) {
    const { client, storage, events } = await openClient(server);
    await client.connect();
    const me = await client.getMe();
    return finish(client, storage, events, me.firstName ?? "");
  },
};
document.title = "ready";
