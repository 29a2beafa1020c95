// A tiny HTTP server for the Chromium test: serves an empty page and this package's TypeScript
// sources transpiled one file at a time (imports already end in `.js`), so the browser runs the
// current source without a bundler and without depending on `dist/`.
import { readFileSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGES = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The main entry now imports the session, TL and crypto packages (TelegramClient), so the page
 * gets an import map to their built `dist/` and to their two third-party ESM dependencies.
 * Files are served read-only under `/fs/` from the workspace's packages folder only.
 */
function importMap(): string {
  const dist = (pkg: string, file: string): string => `/fs/${pkg}/dist/${file}`;
  const fflateDir = realpathSync(`${PACKAGES}session/node_modules/fflate`);
  const fflate = JSON.parse(readFileSync(`${fflateDir}/package.json`, "utf8")) as { module: string };
  const noble = realpathSync(`${PACKAGES}mtproto-crypto/node_modules/@noble/hashes`);
  return JSON.stringify({
    imports: {
      "@mtkit/session": dist("session", "index.js"),
      "@mtkit/tl-core": dist("tl-core", "index.js"),
      "@mtkit/tl-core/api": dist("tl-core", "api.js"),
      "@mtkit/tl-core/mtproto": dist("tl-core", "mtproto.js"),
      "@mtkit/tl-core/secret": dist("tl-core", "secret.js"),
      "@mtkit/mtproto-crypto": dist("mtproto-crypto", "index.js"),
      "@mtkit/mtproto-crypto/bytes": dist("mtproto-crypto", "bytes.js"),
      "@mtkit/transport-tcp/codec": dist("transport-tcp", "codec/index.js"),
      "@mtkit/transport-tcp/transport": dist("transport-tcp", "transport/index.js"),
      "@mtkit/transport-ws/browser": dist("transport-ws", "browser.js"),
      "@mtkit/transport-http/browser": dist("transport-http", "browser.js"),
      fflate: `/abs${fflateDir}/${fflate.module.replace(/^\.\//, "")}`,
      "@noble/hashes/": `/abs${noble}/`,
    },
  });
}

/** Only .js files of the workspace packages' dist folders and of the two mapped dependencies. */
async function serveFile(path: string): Promise<string | null> {
  if (path.includes("..") || !path.endsWith(".js")) return null;
  let file: string | undefined;
  if (path.startsWith("/fs/")) file = `${PACKAGES}${path.slice(4)}`;
  else if (path.startsWith("/abs/") && (path.includes("/fflate") || path.includes("/@noble/hashes")))
    file = path.slice(4);
  if (file === undefined) return null;
  return readFile(file, "utf8").catch(() => null);
}

const transpiled = new Map<string, string | null>();

async function transpile(urlPath: string): Promise<string | null> {
  if (!transpiled.has(urlPath)) transpiled.set(urlPath, await transpileOnce(urlPath));
  return transpiled.get(urlPath) ?? null;
}

async function transpileOnce(urlPath: string): Promise<string | null> {
  const match = /^\/(src\/[\w/.-]+)\.js$/.exec(urlPath);
  if (match === null || match[1]?.includes("..") !== false) return null;
  const source = await readFile(`${PACKAGE_ROOT}${match[1]}.ts`, "utf8").catch(() => null);
  if (source === null) return null;
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText;
}

/**
 * The page exposes the modules under test as `window.mtkit` and sets its title to `ready`. Loading
 * the main entry here also proves it has no Node-only import.
 */
const page =
  (): string => `<!doctype html><title>loading</title><script type="importmap">${importMap()}</script><script type="module">
import * as idb from "/src/storage/idb/index.js";
import * as conformance from "/src/storage/conformance/index.js";
import * as main from "/src/index.js";
import * as secretStore from "/src/secret/kv-secret-chat-store.js";
import * as secretCodec from "/src/secret/secret-state-codec.js";
window.mtkit = { ...idb, ...conformance, main, secret: { ...secretStore, ...secretCodec } };
document.title = "ready";
</script>`;

export async function serveSource(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end(page());
      return;
    }
    void (path.startsWith("/src/") ? transpile(path) : serveFile(path)).then((code) => {
      if (code === null) response.writeHead(404).end();
      else response.writeHead(200, { "content-type": "text/javascript" }).end(code);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
