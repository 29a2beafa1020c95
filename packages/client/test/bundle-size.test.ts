// Bundle-size budgets (issue 14, "take only the layer you need"): esbuild bundles (minified, for
// browsers) of three small programs, gzipped; a budget that is exceeded fails the test and names the
// biggest inputs from esbuild's metafile. Uses the built dist/ of each package (turbo builds first).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const KB = 1000;

async function gzippedSize(program: string): Promise<{ gz: number; biggest: string }> {
  const result = await build({
    stdin: { contents: program, resolveDir: here, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0]!.contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs);
  const biggest = inputs
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 5)
    .map(([name, input]) => `${name} ${input.bytesInOutput} B`)
    .join(", ");
  return { gz: gzipSync(output, { level: 9 }).length, biggest };
}

async function expectWithin(program: string, budget: number): Promise<number> {
  const { gz, biggest } = await gzippedSize(program);
  expect(gz, `${gz} B gzipped > ${budget} B; biggest inputs: ${biggest}`).toBeLessThanOrEqual(budget);
  return gz;
}

it("tl-core encoding and decoding three API constructors stays <= 5 KB gzipped", async () => {
  await expectWithin(
    `
    import { decodeObject, encodeObject, registryOf } from "@mtkit/tl-core";
    import { c_inputPeerUser, c_peerUser, c_inputPeerEmpty } from "@mtkit/tl-core/api/entries";
    const registry = registryOf([c_inputPeerUser, c_peerUser, c_inputPeerEmpty]);
    console.log(decodeObject(registry, encodeObject(registry, { _: "inputPeerUser", userId: 7n, accessHash: -5n })));
  `,
    5 * KB,
  );
});

it("session + portable crypto + transport-ws without the API layer stay <= 50 KB gzipped", async () => {
  await expectWithin(
    `
    import { SessionDriver } from "@mtkit/session";
    import { createPortableCrypto } from "@mtkit/mtproto-crypto";
    import { createWebSocketTransport } from "@mtkit/transport-ws";
    console.log(SessionDriver, createPortableCrypto, createWebSocketTransport);
  `,
    50 * KB,
  );
});

// Issue 14's goal for the whole browser client is 160 KB; it is ~285 KB today (2026-12-03, with
// main's updates engine and secret chats; the generated API layer alone is ~185 KB), so this budget
// only stops it from growing until that work is done.
it("the browser client making one call does not grow past 290 KB gzipped", async () => {
  await expectWithin(
    `
    import { TelegramClient } from "../dist/index.js";
    new TelegramClient({ apiId: 1, apiHash: "0" }).invoke({ _: "help.getNearestDc" });
  `,
    290 * KB,
  );
});
