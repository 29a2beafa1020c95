// 100 MiB (or --mib N) up and back over TCP and WebSocket, directly and through the CDN DC, with
// SHA-256 checked on both sides: the full-size version of the files tests (too long for the suite).
// Run: pnpm --filter @mtkit/bench run roundtrip:files [-- --mib 100]
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { installFiles, installWorld, noiseChunks, TestServer } from "@mtkit/test-server";
import { createWebSocketTransport } from "@mtkit/transport-ws";

const MIB = 1024 * 1024;
const at = process.argv.indexOf("--mib");
const SIZE = (at >= 0 ? Number(process.argv[at + 1]) : 100) * MIB;
const TOKEN = "100:roundtrip";
const crypto = createNodeCrypto();

const dir = mkdtempSync(join(tmpdir(), "mtkit-roundtrip-"));
const server = await TestServer.start({ dcs: 2, ws: true, crypto });
const cdn = await TestServer.start({ firstDcId: 203, ws: true, crypto });
installWorld(server, { homeDc: 2, bots: [{ token: TOKEN, username: "roundtrip_bot", firstName: "Roundtrip" }] });
const files = installFiles(server, {
  cdn,
  crypto,
  directory: dir,
  maxPendingBytes: 2 * SIZE,
  maxStoredBytes: 4 * SIZE,
});
const wsPort = (dcId: number): number => [...server.dcs, ...cdn.dcs].find((dc) => dc.id === dcId)?.endpoint.wsPort ?? 0;
let failed = false;
try {
  for (const transport of ["tcp", "ws"] as const) {
    const client = new TelegramClient({
      apiId: 1,
      apiHash: "0".repeat(32),
      storage: new MemoryStorage(),
      testServer: server,
      crypto,
      ...(transport === "ws"
        ? {
            transport: () =>
              createWebSocketTransport({
                crypto,
                url: (address) => `ws://127.0.0.1:${String(wsPort(address.dcId))}/apiws`,
              }),
          }
        : {}),
    });
    await client.connect();
    await client.signInBot(TOKEN);
    const sent = createHash("sha256");
    const started = performance.now();
    const uploaded = await client.uploadFile(
      (function* () {
        for (const chunk of noiseChunks(SIZE, 7)) {
          sent.update(chunk);
          yield chunk;
        }
      })(),
      { size: SIZE },
    );
    const upMs = performance.now() - started;
    const media = await client.invoke({
      _: "messages.uploadMedia",
      peer: { _: "inputPeerSelf" },
      media: {
        _: "inputMediaUploadedDocument",
        file: uploaded.inputFile,
        mimeType: "application/octet-stream",
        attributes: [],
      },
    });
    if (media._ !== "messageMediaDocument" || media.document?._ !== "document") throw new Error("no document");
    const expected = sent.digest("hex");
    for (const viaCdn of [false, true]) {
      const stored = files.fileById(media.document.id);
      if (stored !== undefined) stored.viaCdn = viaCdn;
      const received = createHash("sha256");
      const downStarted = performance.now();
      for await (const chunk of client.downloadAsIterable(media.document)) received.update(chunk);
      const downMs = performance.now() - downStarted;
      const ok = received.digest("hex") === expected;
      failed ||= !ok;
      console.log(
        `${transport} ${String(SIZE / MIB)} MiB: up ${(SIZE / MIB / (upMs / 1000)).toFixed(1)} MiB/s, down${viaCdn ? " via CDN" : ""} ${(SIZE / MIB / (downMs / 1000)).toFixed(1)} MiB/s, sha256 ${ok ? "identical" : "DIFFERENT"}`,
      );
    }
    await client.disconnect();
  }
} finally {
  files.clear();
  await Promise.all([server.close(), cdn.close()]);
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
