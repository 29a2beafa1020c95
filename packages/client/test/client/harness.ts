// A real TestServer (2 DCs, TCP + WebSocket) with the account slice, and clients pointed at it.
import { installWorld, TestServer, type WorldServer, type WorldServerOptions } from "@mtkit/test-server";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import { MemoryStorage } from "../../src/storage/memory/memory-storage.js";
import { TelegramClient } from "../../src/node/index.js";
import type { ClientEvent, TelegramClientOptions } from "../../src/client/options.js";
import type { ClientStorage } from "../../src/storage/types.js";

export const crypto = createNodeCrypto();

export interface Harness {
  readonly server: TestServer;
  readonly slice: WorldServer;
  close(): Promise<void>;
}

export async function startHarness(slice: WorldServerOptions = {}): Promise<Harness> {
  const server = await TestServer.start({ dcs: 2, ws: true, crypto });
  return { server, slice: installWorld(server, { crypto, homeDc: 2, ...slice }), close: () => server.close() };
}

export interface TestClient {
  readonly client: TelegramClient;
  readonly events: ClientEvent[];
  readonly storage: ClientStorage;
}

export function makeClient(
  server: TestServer,
  // withoutTestServer: only `dcs` / `rsaKeys` from the options, like a production setup.
  options: Partial<TelegramClientOptions> & { readonly ws?: boolean; readonly withoutTestServer?: boolean } = {},
): TestClient {
  const events: ClientEvent[] = [];
  const storage = options.storage ?? new MemoryStorage();
  const ws = options.ws === true;
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage,
    crypto,
    ...(options.withoutTestServer === true ? {} : { testServer: server }),
    // Fast retries keep the tests short; the policy itself is tested in retry-policy.test.ts.
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...(ws
      ? {
          transport: () =>
            createWebSocketTransport({
              crypto,
              url: (address) => `ws://127.0.0.1:${String(server.dc(address.dcId).endpoint.wsPort)}/apiws`,
            }),
        }
      : {}),
    ...options,
  });
  return { client, events, storage };
}

export function countEvents(events: readonly ClientEvent[], type: ClientEvent["type"]): number {
  return events.filter((event) => event.type === type).length;
}
