import { incoming, MemoryStorage, TelegramClient, type TcpTransportName } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import type { GroupRef, InteropPeer, ReceivedText } from "../peer.js";
import type { ServerDescription } from "../server-process.js";
import { testNumberCode } from "./test-code.js";

/** mtkit's transports: the three obfuscated TCP framings, plain full, and WebSocket. */
export type MtkitTransport = TcpTransportName | "websocket";

/** mtkit's own `TelegramClient` behind the scenario interface. */
export function mtkitPeer(server: ServerDescription, transport: MtkitTransport): InteropPeer {
  const crypto = createNodeCrypto();
  const dcs = server.dcs.map((dc) => ({ id: dc.id, host: "127.0.0.1", port: dc.port }));
  const client = new TelegramClient({
    apiId: 1,
    apiHash: "0".repeat(32),
    storage: new MemoryStorage(),
    crypto,
    testServer: { endpoints: dcs, publicKeyPem: server.publicKeyPem },
    transport:
      transport === "websocket"
        ? () =>
            createWebSocketTransport({
              crypto,
              url: (address) =>
                `ws://127.0.0.1:${String(server.dcs.find((dc) => dc.id === address.dcId)?.wsPort ?? 0)}/apiws`,
            })
        : transport,
    onUpdateError: () => undefined,
  });
  return {
    library: "mtkit",
    transport,
    async loginWithPhone(phone, code) {
      const me = await client.start({ phone, code: code ?? (() => testNumberCode(phone)), firstName: "Interop" });
      return me.id;
    },
    async loginWithBotToken(token) {
      const me = await client.start({ botToken: token });
      return me.id;
    },
    async sendText(to, text) {
      await client.sendText(typeof to === "string" ? to : Number(to.handle), text);
    },
    expectText(text) {
      return new Promise<ReceivedText>((resolve) => {
        const off = client.on(
          "newMessage",
          (message) => {
            if (message.text !== text) return;
            off();
            resolve({ text: message.text, inGroup: message.chatType !== "private" });
          },
          incoming,
        );
      });
    },
    async createGroup(title, members) {
      const chat = await client.createGroup({ title, users: members });
      return { chatId: BigInt(Math.abs(chat.id)), handle: chat.id } satisfies GroupRef;
    },
    async uploadAndDownload(bytes, name) {
      const uploaded = await client.uploadFile(bytes, { fileName: name });
      const media = await client.invoke({
        _: "messages.uploadMedia",
        peer: { _: "inputPeerSelf" },
        media: {
          _: "inputMediaUploadedDocument",
          file: uploaded.inputFile,
          mimeType: uploaded.mimeType,
          attributes: [{ _: "documentAttributeFilename", fileName: name }],
        },
      });
      if (media._ !== "messageMediaDocument") throw new Error(`uploadMedia answered ${media._}`);
      return client.downloadAsBuffer(media);
    },
    goOffline: () => client.disconnect(),
    comeBack: () => client.connect(),
    close: () => client.disconnect(),
  };
}
