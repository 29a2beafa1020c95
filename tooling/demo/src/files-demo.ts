// Part 3 of the demo, files: a 50 MiB file goes up in parallel parts, becomes a document
// (messages.uploadMedia), and comes back through the CDN DC (its own RSA key, AES-256-CTR parts
// checked against SHA-256 hashes), with a progress bar; its SHA-256 is printed on both sides.
import { createHash } from "node:crypto";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { installFiles, installWorld, noiseChunks, TestServer } from "@mtkit/test-server";
import { step } from "./step.js";

const MIB = 1024 * 1024;
const SIZE = 50 * MIB;
const BOT_TOKEN = "5050:files-demo";

/** One line redrawn in place: `[#####.....]  23.0 / 50.0 MiB`. */
function progressBar(label: string): (done: number, total: number) => void {
  let lastDrawn = -1;
  return (done, total) => {
    const width = 30;
    const filled = Number.isFinite(total) && total > 0 ? Math.round((done / total) * width) : 0;
    if (filled === lastDrawn && done !== total) return;
    lastDrawn = filled;
    const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
    process.stdout.write(
      `\r             ${label} [${bar}] ${(done / MIB).toFixed(1)} / ${(total / MIB).toFixed(1)} MiB`,
    );
    if (done === total) process.stdout.write("\n");
  };
}

export async function filesDemo(): Promise<void> {
  console.log("\nPart 3 — files: 50 MiB up in parallel parts and back through the CDN DC\n");
  const server = await step(
    "start test server (2 DCs) and a CDN DC (id 203)",
    () => TestServer.start({ dcs: 2 }),
    (s) => s.endpoints.map((e) => `dc${e.id}:${e.port}`).join(" "),
  );
  const cdn = await TestServer.start({ firstDcId: 203 });
  installWorld(server, { homeDc: 1, bots: [{ token: BOT_TOKEN, username: "files_demo_bot", firstName: "Files" }] });
  const files = installFiles(server, { cdn });
  const client = new TelegramClient({
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    testServer: server,
  });
  try {
    await step(
      "connect and log in a bot",
      async () => {
        await client.connect();
        return client.signInBot(BOT_TOKEN);
      },
      (me) => `@${me.username ?? ""}`,
    );
    const sent = createHash("sha256");
    const source = (function* () {
      for (const chunk of noiseChunks(SIZE, 0x9e3779b9) /* streamed: the upload never holds the whole file */) {
        sent.update(chunk);
        yield chunk;
      }
    })();
    const uploaded = await step(
      "upload 50 MiB (512 KiB parts, 4 in flight)",
      () => client.uploadFile(source, { fileName: "demo.bin", size: SIZE, onProgress: progressBar("up  ") }),
      (u) => `${u.inputFile._}, ${String(u.inputFile.parts)} parts`,
    );
    const sentHash = sent.digest("hex");
    console.log(`             sha256 sent:     ${sentHash}`);
    const media = await client.invoke({
      _: "messages.uploadMedia",
      peer: { _: "inputPeerSelf" },
      media: {
        _: "inputMediaUploadedDocument",
        file: uploaded.inputFile,
        mimeType: "application/octet-stream",
        attributes: [{ _: "documentAttributeFilename", fileName: "demo.bin" }],
      },
    });
    if (media._ !== "messageMediaDocument" || media.document?._ !== "document")
      throw new Error("uploadMedia returned no document");
    const document = media.document;
    // The server now serves this file through the CDN DC: getFile answers upload.fileCdnRedirect.
    const stored = files.fileById(document.id);
    if (stored === undefined) throw new Error("the server does not know the document");
    stored.viaCdn = true;
    const received = createHash("sha256");
    const bytes = await step(
      "download it back through the CDN DC (decrypt + check)",
      async () => {
        let count = 0;
        for await (const chunk of client.downloadAsIterable(document, { onProgress: progressBar("down") })) {
          received.update(chunk);
          count += chunk.length;
        }
        return count;
      },
      (n) => `${(n / MIB).toFixed(1)} MiB, ${String(cdn.authKeyIds().length)} auth key on the CDN DC`,
    );
    const receivedHash = received.digest("hex");
    console.log(
      `             sha256 received: ${receivedHash} ${receivedHash === sentHash && bytes === SIZE ? "(identical)" : "(DIFFERENT!)"}`,
    );
    if (receivedHash !== sentHash) process.exitCode = 1;
  } finally {
    await client.disconnect();
    files.clear();
    await Promise.all([server.close(), cdn.close()]);
  }
}
