import { createPublicKey } from "node:crypto";
import { createRequire } from "node:module";
import type { InteropPeer } from "../peer.js";
import type { ServerDescription } from "../server-process.js";
import { TextWaiters } from "./listeners.js";
import { testNumberCode } from "./test-code.js";

// GramJS is CommonJS; loaded the way its docs show (/work/shared/peers.md §3).
const require = createRequire(import.meta.url);
const telegram = require("telegram") as typeof import("telegram");
const network = require("telegram/network/index.js") as typeof import("telegram/network/index.js");
const sessions = require("telegram/sessions/index.js") as typeof import("telegram/sessions/index.js");
const extensions = require("telegram/extensions/index.js") as typeof import("telegram/extensions/index.js");
const events = require("telegram/events/index.js") as typeof import("telegram/events/index.js");
const uploads = require("telegram/client/uploads.js") as typeof import("telegram/client/uploads.js");
const logger = require("telegram/extensions/Logger.js") as typeof import("telegram/extensions/Logger.js");
const rsa = require("telegram/crypto/RSA.js") as typeof import("telegram/crypto/RSA.js");
const bigInt = require("big-integer") as typeof import("big-integer");
const { Api } = telegram;

/** GramJS's transports in Node: TCPFull (its default), abridged, obfuscated, and WebSocket (obfuscated). */
export type GramJsTransport = "full" | "abridged" | "obfuscated" | "websocket";

const bases = {
  full: network.ConnectionTCPFull,
  abridged: network.ConnectionTCPAbridged,
  obfuscated: network.ConnectionTCPObfuscated,
  websocket: network.ConnectionTCPObfuscated,
} as const;

/** GramJS finds RSA keys by signed decimal fingerprint in a process-global map. */
function registerKey(server: ServerDescription): void {
  const jwk = createPublicKey(server.publicKeyPem).export({ format: "jwk" });
  const modulusHex = Buffer.from(jwk.n ?? "", "base64url").toString("hex");
  rsa._serverKeys.set(server.fingerprint, { n: bigInt(modulusHex, 16), e: 65537 });
}

/**
 * GramJS's `TelegramClient` through its own API (start, sendMessage, NewMessage events, uploadFile,
 * downloadMedia; messages.createChat / uploadMedia by `invoke`, which is how GramJS exposes them).
 * It has no catch-up of missed updates: coming back only reconnects.
 */
export function gramJsPeer(server: ServerDescription, transport: GramJsTransport): InteropPeer {
  registerKey(server);
  const dc = server.dcs[0]!;
  const port = transport === "websocket" ? dc.wsPort! : dc.port;
  const Base = bases[transport] as typeof network.ConnectionTCPFull;
  // GramJS dials 80/443 whatever the session says, so the address is forced here.
  class LocalConnection extends Base {
    constructor(params: ConstructorParameters<typeof Base>[0]) {
      super({ ...params, ip: "127.0.0.1", port });
    }
  }
  // MemorySession: StringSession.save() writes the port as a signed 16-bit number and throws above 32767.
  const session = new sessions.MemorySession();
  session.setDC(dc.id, "127.0.0.1", port);
  const client = new telegram.TelegramClient(session, 1, "0".repeat(32), {
    connection: LocalConnection,
    useWSS: false,
    autoReconnect: false,
    // GramJS 2.26.22 makes its auth key from g_ab without leading zero bytes (getByteArray(gab) in
    // network/Authenticator.js), so ~1 handshake in 256 fails its new_nonce_hash check, against Telegram
    // too; its default of 5 attempts turns that into a retry, where 1 left start() waiting for ever.
    connectionRetries: 5,
    baseLogger: new logger.Logger(logger.LogLevel.NONE),
    ...(transport === "websocket" ? { networkSocket: extensions.PromisedWebSockets } : {}),
  });
  const waiters = new TextWaiters();
  client.addEventHandler(
    (event: InstanceType<typeof events.NewMessageEvent>) => {
      waiters.deliver({ text: event.message.message, inGroup: event.isGroup === true });
    },
    new events.NewMessage({ incoming: true }),
  );
  const start = async (params: Parameters<typeof client.start>[0]): Promise<bigint> => {
    let failure: Error | undefined;
    // onError answering true stops the login (GramJS then throws AUTH_USER_CANCEL); the real cause is rethrown.
    const stopOnError = (error: Error): Promise<boolean> => {
      failure = error;
      return Promise.resolve(true);
    };
    try {
      await client.start({ ...params, onError: stopOnError });
    } catch (error) {
      throw failure ?? error;
    }
    const me = await client.getMe();
    return BigInt(me.id.toString());
  };
  return {
    library: "gramjs",
    transport,
    loginWithPhone: (phone, code) =>
      start({
        phoneNumber: phone,
        phoneCode: code ?? (() => Promise.resolve(testNumberCode(phone))),
        firstAndLastNames: () => Promise.resolve(["Interop"]),
        onError: () => undefined,
      }),
    loginWithBotToken: (token) => start({ botAuthToken: token }),
    async sendText(to, text) {
      await client.sendMessage(typeof to === "string" ? to : (to.handle as import("telegram").Api.TypeInputPeer), {
        message: text,
      });
    },
    expectText: (text) => waiters.wait(text),
    async createGroup(title, members) {
      const answer = await client.invoke(new Api.messages.CreateChat({ title, users: [...members] }));
      const updates = answer.updates;
      const chat = "chats" in updates ? updates.chats[0] : undefined;
      if (chat === undefined) throw new Error("messages.createChat answered without the chat");
      const peer = new Api.InputPeerChat({ chatId: chat.id });
      return { chatId: BigInt(chat.id.toString()), handle: peer };
    },
    async uploadAndDownload(bytes, name) {
      const buffer = Buffer.from(bytes);
      const file = await client.uploadFile({
        file: new uploads.CustomFile(name, buffer.length, "", buffer),
        workers: 4,
      });
      const media = await client.invoke(
        new Api.messages.UploadMedia({
          peer: "me",
          media: new Api.InputMediaUploadedDocument({
            file,
            mimeType: "application/octet-stream",
            attributes: [new Api.DocumentAttributeFilename({ fileName: name })],
          }),
        }),
      );
      const downloaded = await client.downloadMedia(media);
      if (!(downloaded instanceof Buffer)) throw new Error("downloadMedia gave no bytes");
      return new Uint8Array(downloaded);
    },
    goOffline: () => client.disconnect(),
    comeBack: () => client.connect().then(() => undefined),
    close: async () => {
      await client.destroy();
    },
  };
}
