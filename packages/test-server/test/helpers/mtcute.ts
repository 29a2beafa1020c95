import { BaseTelegramClient, MemoryStorage, MtProxyTcpTransport } from "@mtcute/node";
import { mtcuteTransport, type MtcuteTransport } from "@mtkit/mtcute-transports";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import type { TestServer } from "../../src/index.js";

export type { MtcuteTransport } from "@mtkit/mtcute-transports";

export interface MtcuteOptions {
  readonly transport?: MtcuteTransport;
  /** Connect through the server as an MTProxy with this secret (hex). */
  readonly proxySecret?: string;
  /** Temporary keys + auth.bindTempAuthKey. */
  readonly pfs?: boolean;
  readonly dcId?: number;
}

/** A fresh mtcute client (MemoryStorage) pointed at one DC of `server` (peers.md §2). */
export function createMtcuteClient(server: TestServer, options: MtcuteOptions = {}): BaseTelegramClient {
  const crypto = new NodeCryptoProvider();
  addPublicKey(crypto, server.publicKeyPem);
  const endpoint = server.endpoints.find((dc) => dc.id === (options.dcId ?? server.endpoints[0]!.id))!;
  const dc = { id: endpoint.id, ipAddress: "127.0.0.1", port: endpoint.port };
  const transport =
    options.proxySecret === undefined
      ? mtcuteTransport(options.transport ?? "intermediate")
      : new MtProxyTcpTransport({ host: "127.0.0.1", port: endpoint.port, secret: options.proxySecret });
  return new BaseTelegramClient({
    apiId: 1,
    apiHash: "0".repeat(32),
    storage: new MemoryStorage(),
    crypto,
    defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
    transport,
    disableUpdates: true,
    network: { usePfs: options.pfs ?? false },
    logLevel: 0,
  });
}

/** Runs `body` with a fresh mtcute client (see createMtcuteClient) and always destroys the client. */
export async function withMtcuteClient<T>(
  server: TestServer,
  body: (client: BaseTelegramClient) => Promise<T>,
  options: MtcuteOptions = {},
): Promise<T> {
  const client = createMtcuteClient(server, options);
  try {
    return await body(client);
  } finally {
    await client.destroy();
  }
}

/** auth.sendCode + auth.signIn of a test number (99966XYYYY lives on DC X, code X five times); the authorization. */
export async function mtcuteSignIn(client: BaseTelegramClient, phoneNumber: string) {
  const sent = await client.call({
    _: "auth.sendCode",
    phoneNumber,
    apiId: 1,
    apiHash: "0".repeat(32),
    settings: { _: "codeSettings" },
  });
  if (sent._ !== "auth.sentCode") throw new Error(`unexpected ${sent._}`);
  const phoneCode = phoneNumber.charAt(5).repeat(5);
  return client.call({ _: "auth.signIn", phoneNumber, phoneCodeHash: sent.phoneCodeHash, phoneCode });
}
