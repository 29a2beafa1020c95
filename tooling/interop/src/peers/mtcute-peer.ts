import { InputMedia, MemoryStorage, TelegramClient } from "@mtcute/node";
import { mtcuteTransport, type MtcuteTransport } from "@mtkit/mtcute-transports";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import type { InteropPeer } from "../peer.js";
import type { ServerDescription } from "../server-process.js";
import { TextWaiters } from "./listeners.js";
import { testNumberCode } from "./test-code.js";

export type { MtcuteTransport } from "@mtkit/mtcute-transports";

/**
 * Resolves once mtcute's updates manager has caught up after a login or restart ("updating" then
 * "connected"). A message that reaches the session while updates.getState is in flight is counted in
 * the state it returns and never dispatched, so the scenarios wait for this before anyone sends.
 */
function caughtUp(client: TelegramClient): Promise<void> {
  return new Promise((resolve) => {
    let updating = false;
    const listener = (state: string): void => {
      if (state === "updating") updating = true;
      else if (state === "connected" && updating) {
        client.onConnectionState.remove(listener);
        resolve();
      }
    };
    client.onConnectionState.add(listener);
  });
}

/**
 * mtcute's high-level `TelegramClient`. Going offline destroys the client; coming back starts a new
 * one on the same storage with `catchUp`, which is how an mtcute app receives what it missed.
 */
export function mtcutePeer(server: ServerDescription, transport: MtcuteTransport): InteropPeer {
  const storage = new MemoryStorage();
  const waiters = new TextWaiters();
  const dc = { id: server.dcs[0]!.id, ipAddress: "127.0.0.1", port: server.dcs[0]!.port };
  let login: Parameters<TelegramClient["start"]>[0] = {};
  const create = (): TelegramClient => {
    const crypto = new NodeCryptoProvider();
    addPublicKey(crypto, server.publicKeyPem);
    const created = new TelegramClient({
      apiId: 1,
      apiHash: "0".repeat(32),
      storage,
      crypto,
      defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
      transport: mtcuteTransport(transport),
      updates: { catchUp: true },
      logLevel: 0,
    });
    created.onNewMessage.add((message) => {
      if (message.isOutgoing) return;
      waiters.deliver({ text: message.text, inGroup: message.chat.type === "chat" });
    });
    return created;
  };
  let client = create();
  const start = async (): Promise<bigint> => {
    const ready = caughtUp(client);
    const me = await client.start(login);
    await ready;
    return BigInt(me.id);
  };
  return {
    library: "mtcute",
    transport,
    async loginWithPhone(phone, code) {
      login = { phone, code: code ?? testNumberCode(phone), codeSentCallback: () => undefined };
      return start();
    },
    async loginWithBotToken(token) {
      login = { botToken: token };
      return start();
    },
    async sendText(to, text) {
      await client.sendText(typeof to === "string" ? to : (to.handle as number), text);
    },
    expectText: (text) => waiters.wait(text),
    async createGroup(title, members) {
      const { chat } = await client.createGroup({ title, users: [...members] });
      return { chatId: BigInt(Math.abs(chat.id)), handle: chat.id };
    },
    async uploadAndDownload(bytes, name) {
      const media = await client.uploadMedia(InputMedia.document(bytes, { fileName: name }));
      return client.downloadAsBuffer(media);
    },
    async goOffline() {
      await client.destroy();
    },
    async comeBack() {
      client = create();
      await start();
    },
    close: () => client.destroy(),
  };
}
