// A real TestServer (2 DCs, TCP + WebSocket, optionally a CDN DC) with the account slice and the
// files slice, and a logged-in bot client pointed at it.
import { installFiles, installWorld, TestServer, type FilesOptions, type FilesSlice } from "@mtkit/test-server";
import type { RawDocument } from "@mtkit/tl-core/api";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import { crypto, makeClient, type TestClient } from "../client/harness.js";
import type { UploadedFile } from "../../src/files/upload/upload-file.js";
import type { TelegramClient } from "../../src/node/index.js";
import type { TelegramClientOptions } from "../../src/client/options.js";

export interface FilesHarness {
  readonly server: TestServer;
  readonly cdnServer: TestServer | undefined;
  readonly files: FilesSlice;
  close(): Promise<void>;
}

export const BOT_TOKEN = "7:files-bot";

export async function startFilesHarness(
  options: { readonly cdn?: boolean; readonly files?: FilesOptions } = {},
): Promise<FilesHarness> {
  const server = await TestServer.start({ dcs: 2, ws: true, crypto });
  const cdnServer = options.cdn === true ? await TestServer.start({ firstDcId: 203, ws: true, crypto }) : undefined;
  installWorld(server, { crypto, homeDc: 2, bots: [{ token: BOT_TOKEN, username: "files_bot", firstName: "Files" }] });
  const files = installFiles(server, {
    crypto,
    ...(cdnServer === undefined ? {} : { cdn: cdnServer }),
    ...options.files,
  });
  return {
    server,
    cdnServer,
    files,
    close: async () => {
      files.clear();
      await Promise.all([server.close(), cdnServer?.close()]);
    },
  };
}

/** A bot client logged in (home DC 2), over TCP or WebSocket (the CDN DC is reached the same way). */
export async function loggedInClient(
  h: FilesHarness,
  transport: "tcp" | "ws",
  options: Partial<TelegramClientOptions> = {},
): Promise<TestClient> {
  const wsPort = (dcId: number): number => {
    const dc = [...h.server.dcs, ...(h.cdnServer?.dcs ?? [])].find((candidate) => candidate.id === dcId);
    return dc?.endpoint.wsPort ?? 0;
  };
  const made = makeClient(
    h.server,
    transport === "ws"
      ? {
          transport: () =>
            createWebSocketTransport({
              crypto,
              url: (address) => `ws://127.0.0.1:${String(wsPort(address.dcId))}/apiws`,
            }),
          ...options,
        }
      : options,
  );
  await made.client.connect();
  await made.client.signInBot(BOT_TOKEN);
  return made;
}

/** messages.uploadMedia turns an upload into a document with a location (no message world needed). */
export async function toDocument(client: TelegramClient, uploaded: UploadedFile): Promise<RawDocument> {
  const media = await client.invoke({
    _: "messages.uploadMedia",
    peer: { _: "inputPeerSelf" },
    media: {
      _: "inputMediaUploadedDocument",
      file: uploaded.inputFile,
      mimeType: uploaded.mimeType,
      attributes: [{ _: "documentAttributeFilename", fileName: uploaded.fileName }],
    },
  });
  if (media._ !== "messageMediaDocument" || media.document?._ !== "document")
    throw new Error(`unexpected media ${media._}`);
  return media.document;
}

/** Deterministic bytes that differ at every offset within 256 and between seeds. */
export function pattern(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed + (i >> 8)) & 0xff;
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return Array.from(crypto.sha256(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}
