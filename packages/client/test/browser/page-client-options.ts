// What every browser test page's TelegramClient shares: the portable crypto provider, the page's
// IndexedDB storage and the browser WebSocket transport to the Node test server's DCs.
import { createPortableCrypto } from "@mtkit/mtproto-crypto";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import type { TelegramClientOptions } from "../../src/index.js";
import type { IdbStorage } from "../../src/storage/idb/index.js";
import type { PageServer } from "./client-page.js";

export function pageClientOptions(server: PageServer, storage: IdbStorage): TelegramClientOptions {
  const crypto = createPortableCrypto();
  const wsPort = (dcId: number): number => server.endpoints.find((e) => e.id === dcId)?.wsPort ?? 0;
  return {
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage,
    crypto,
    testServer: server,
    transport: (address) => createWebSocketTransport({ crypto, url: `ws://127.0.0.1:${wsPort(address.dcId)}/apiws` }),
  };
}
