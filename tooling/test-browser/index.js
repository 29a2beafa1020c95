// The one place browser tests get their Chromium. Order: CHROMIUM_PATH (CI sets it to Debian's
// Chromium), a Chromium on PATH, else the build that ships *inside* the @sparticuz/chromium npm
// package (brotli-compressed, with the few shared libraries it needs), so `pnpm test` passes on a
// machine with only Node and npm: no root, no apt, nothing downloaded at install or at run time.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import { chromium } from "playwright-core";

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir !== "" && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * A ustar reader for the package's own archives: regular files and folders only, no path that
 * leaves `target`. Anything else is refused rather than guessed at.
 */
function untar(archive, target) {
  for (let at = 0; at + 512 <= archive.length;) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from, length) =>
      header
        .subarray(from, from + length)
        .toString("latin1")
        .replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const name = normalize(join(field(345, 155), field(0, 100)));
    const body = at + 512;
    at = body + Math.ceil(size / 512) * 512;
    if (type === "x" || type === "g") continue; // pax metadata: the plain names are enough here
    if (name.startsWith("..") || name.startsWith("/")) throw new Error(`refusing tar entry ${name}`);
    if (type === "5") mkdirSync(join(target, name), { recursive: true });
    else if (type === "0") {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      writeFileSync(join(target, name), archive.subarray(body, body + size), { mode: 0o755 });
    } else throw new Error(`refusing tar entry ${name} of type ${type}`);
  }
}

/** Unpacks once per package version; concurrent test workers race to a rename, one wins. */
function unpackBundled() {
  const entry = fileURLToPath(import.meta.resolve("@sparticuz/chromium"));
  const root = join(dirname(entry), "..", "..");
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const dir = join(tmpdir(), `mtkit-chromium-${version}`);
  const executablePath = join(dir, "chromium");
  if (!existsSync(join(dir, "complete"))) {
    const staging = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(staging, { recursive: true });
    const read = (name) => brotliDecompressSync(readFileSync(join(root, "bin", name)));
    writeFileSync(join(staging, "chromium"), read("chromium.br"), { mode: 0o755 });
    untar(read("al2023.tar.br"), staging); // lib/: NSS and expat, absent on a bare Node image
    untar(read("swiftshader.tar.br"), staging); // software GL, looked for beside the binary
    untar(read("fonts.tar.br"), join(staging, "fonts"));
    writeFileSync(
      join(staging, "fonts", "fonts.conf"),
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dir}/fonts/fonts</dir><cachedir>${dir}/fonts-cache</cachedir></fontconfig>\n`,
    );
    writeFileSync(join(staging, "complete"), "");
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another worker finished first
    }
  }
  const libraryPath = [join(dir, "lib"), dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  return {
    executablePath,
    source: "npm:@sparticuz/chromium",
    env: { LD_LIBRARY_PATH: libraryPath, FONTCONFIG_PATH: join(dir, "fonts") },
  };
}

export async function resolveChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== "") {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return { executablePath: configured, source: "CHROMIUM_PATH", env: {} };
  }
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name);
    if (found !== undefined) return { executablePath: found, source: "system", env: {} };
  }
  return unpackBundled();
}

export async function launchChromium(options = {}) {
  const resolved = await resolveChromium();
  const browser = await chromium.launch({
    headless: true,
    ...options,
    executablePath: resolved.executablePath,
    env: { ...process.env, ...resolved.env, ...options.env },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
      ...(options.args ?? []),
    ],
  });
  const description = `Chromium ${browser.version()} (${resolved.source}, ${resolved.executablePath})`;
  console.log(`browser tests run on ${description}`);
  return { browser, resolved, description };
}

// Lets `node tooling/test-browser/index.js` answer "which browser would the tests use?".
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { browser } = await launchChromium();
  await browser.close();
}

export { serveBundle } from "./serve-bundle.js";
