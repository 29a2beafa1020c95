// One transfer per library, each with its own file API: mtkit (uploadFile / downloadAsIterable),
// mtcute 0.30.3 (uploadFile / downloadAsIterable of @mtcute/core/methods.js) and GramJS 2.26.22
// (uploadFile with CustomFile / downloadFile to a sink). Same server, same loopback TCP.
import { createPublicKey } from "node:crypto";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { BaseTelegramClient, MemoryStorage as MtcuteMemoryStorage, TcpTransport } from "@mtcute/node";
import { Long } from "@mtcute/core";
import { downloadAsIterable as mtcuteDownload, uploadFile as mtcuteUpload } from "@mtcute/core/methods.js";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { FilesServerInfo } from "./files-server.js";

/** A connected client that moves one file up (from a path) or down (to nowhere) and closes. */
export interface FilePeer {
  upload(path: string, size: number): Promise<void>;
  download(): Promise<number>;
  close(): Promise<void>;
}

const API_HASH = "0".repeat(32);
const MIB = 1024 * 1024;

function location(info: FilesServerInfo) {
  return {
    _: "inputDocumentFileLocation" as const,
    id: BigInt(info.file.id),
    accessHash: BigInt(info.file.accessHash),
    fileReference: Buffer.from(info.file.fileReference, "hex"),
    thumbSize: "",
  };
}

/** mtkit with the work made equal to mtcute's defaults: no PFS, plain intermediate framing (as in the rpc bench). */
export async function mtkitPeer(info: FilesServerInfo): Promise<FilePeer> {
  const crypto = createNodeCrypto();
  const client = new TelegramClient({
    apiId: 1,
    apiHash: API_HASH,
    storage: new MemoryStorage(),
    testServer: { endpoints: [{ id: 1, host: "127.0.0.1", port: info.port }], publicKeyPem: info.publicKeyPem },
    pfs: false,
    crypto,
    transport: () => createTcpTransport({ crypto, protocol: "intermediate" }),
  });
  await client.connect();
  return {
    upload: async (path) => {
      await client.uploadFile(path, process.env.W === undefined ? {} : { workers: Number(process.env.W) });
    },
    download: async () => {
      let bytes = 0;
      for await (const chunk of client.downloadAsIterable(
        { location: location(info), dcId: 1, size: info.file.size },
        process.env.W === undefined ? {} : { workers: Number(process.env.W) },
      ))
        bytes += chunk.length;
      return bytes;
    },
    close: () => client.disconnect(),
  };
}

export async function mtcutePeer(info: FilesServerInfo): Promise<FilePeer> {
  const crypto = new NodeCryptoProvider();
  addPublicKey(crypto, info.publicKeyPem);
  const dc = { id: 1, ipAddress: "127.0.0.1", port: info.port };
  const client = new BaseTelegramClient({
    apiId: 1,
    apiHash: API_HASH,
    storage: new MtcuteMemoryStorage(),
    crypto,
    defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
    transport: new TcpTransport(),
    disableUpdates: true,
    logLevel: 0,
  });
  await client.connect();
  return {
    upload: async (path, size) => {
      // uploadFile reads the logged-in user (premium part limits); the bench server has no login to spare, so store one.
      await client.storage.self.store({ userId: 1, isBot: true, isPremium: false, usernames: [] });
      await mtcuteUpload(client, { file: path, fileSize: size });
    },
    download: async () => {
      let bytes = 0;
      const loc = location(info);
      const mtcuteLocation = {
        ...loc,
        id: Long.fromString(loc.id.toString()),
        accessHash: Long.fromString(loc.accessHash.toString()),
      };
      for await (const chunk of mtcuteDownload(client, mtcuteLocation, { dcId: 1, fileSize: info.file.size }))
        bytes += chunk.length;
      return bytes;
    },
    close: () => client.destroy(),
  };
}

const require = createRequire(import.meta.url);
const telegram = require("telegram") as typeof import("telegram");
const uploads = require("telegram/client/uploads.js") as typeof import("telegram/client/uploads.js");
const network = require("telegram/network/index.js") as typeof import("telegram/network/index.js");
const sessions = require("telegram/sessions/index.js") as typeof import("telegram/sessions/index.js");
const logger = require("telegram/extensions/Logger.js") as typeof import("telegram/extensions/Logger.js");
const rsa = require("telegram/crypto/RSA.js") as typeof import("telegram/crypto/RSA.js");
const bigInt = require("big-integer") as typeof import("big-integer");

export async function gramJsPeer(info: FilesServerInfo): Promise<FilePeer> {
  const jwk = createPublicKey(info.publicKeyPem).export({ format: "jwk" });
  rsa._serverKeys.set(info.fingerprint, {
    n: bigInt(Buffer.from(jwk.n ?? "", "base64url").toString("hex"), 16),
    e: 65537,
  });
  class LocalConnection extends network.ConnectionTCPFull {
    constructor(params: ConstructorParameters<typeof network.ConnectionTCPFull>[0]) {
      super({ ...params, ip: "127.0.0.1", port: info.port });
    }
  }
  const session = new sessions.MemorySession();
  session.setDC(1, "127.0.0.1", info.port);
  const client = new telegram.TelegramClient(session, 1, API_HASH, {
    connection: LocalConnection,
    useWSS: false,
    autoReconnect: false,
    // GramJS's default of 5 attempts: ~1 handshake in 256 fails on its own g_ab bug (test-server README).
    connectionRetries: 5,
    baseLogger: new logger.Logger(logger.LogLevel.NONE),
  });
  await client.connect();
  const loc = location(info);
  return {
    upload: async (path, size) => {
      await client.uploadFile({ file: new uploads.CustomFile("bench.bin", size, path), workers: 8 });
    },
    download: async () => {
      let bytes = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          callback();
        },
      });
      await client.downloadFile(
        new telegram.Api.InputDocumentFileLocation({
          id: bigInt(loc.id.toString()),
          accessHash: bigInt(loc.accessHash.toString()),
          fileReference: loc.fileReference,
          thumbSize: "",
        }),
        { dcId: 1, fileSize: bigInt(info.file.size), partSizeKb: 512, outputFile: sink as unknown as string },
      );
      return bytes;
    },
    close: () => client.destroy(),
  };
}

export const PEERS: readonly (readonly [string, (info: FilesServerInfo) => Promise<FilePeer>])[] = [
  ["mtkit", mtkitPeer],
  ["mtcute 0.30.3", mtcutePeer],
  ["GramJS 2.26.22", gramJsPeer],
];

export { MIB };
