/* global process, console */
// Builds the OPTIONAL AES-NI addon (src/native/aes_ige.c) with node-gyp and copies it to
// dist/native/mtkit_aes.node. Never fails the build: without a compiler, headers or AES-NI the
// Node provider simply keeps its JS IGE decryption. Skip with MTKIT_SKIP_NATIVE=1.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = dirname(here);

function findNodeGyp() {
  const require = createRequire(import.meta.url);
  const candidates = [
    () => require.resolve("node-gyp/bin/node-gyp.js"),
    () => join(dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"),
    () => join(dirname(process.execPath), "../lib/node_modules/pnpm/dist/node_modules/node-gyp/bin/node-gyp.js"),
  ];
  for (const candidate of candidates) {
    try {
      const path = candidate();
      if (existsSync(path)) return path;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

if (process.env.MTKIT_SKIP_NATIVE === "1") {
  console.log("mtkit native addon: skipped (MTKIT_SKIP_NATIVE=1)");
  process.exit(0);
}
const target = join(packageRoot, "dist", "native", "mtkit_aes.node");
const sources = [join(packageRoot, "src", "native", "aes_ige.c"), join(here, "binding.gyp")];
if (existsSync(target) && sources.every((source) => statSync(source).mtimeMs < statSync(target).mtimeMs)) {
  console.log("mtkit native addon: dist/native/mtkit_aes.node is newer than its sources, not rebuilt");
  process.exit(0);
}
const nodeGyp = findNodeGyp();
if (!nodeGyp) {
  console.warn("mtkit native addon: node-gyp not found, using the JS fallback");
  process.exit(0);
}
// Use the headers installed next to this node binary: nothing may be downloaded here.
const nodeDir = process.env.npm_config_nodedir ?? join(dirname(process.execPath), "..");
if (!existsSync(join(nodeDir, "include", "node", "node_api.h"))) {
  console.warn(`mtkit native addon: no Node headers under ${nodeDir}, using the JS fallback`);
  process.exit(0);
}
const result = spawnSync(process.execPath, [nodeGyp, "rebuild", "--loglevel=error", `--nodedir=${nodeDir}`], {
  cwd: here,
  stdio: "inherit",
});
const built = join(here, "build", "Release", "mtkit_aes.node");
if (result.status !== 0 || !existsSync(built)) {
  console.warn("mtkit native addon: build failed, using the JS fallback");
  process.exit(0);
}
mkdirSync(dirname(target), { recursive: true });
if (existsSync(target) && readFileSync(target).equals(readFileSync(built))) {
  const now = new Date();
  utimesSync(target, now, now); // so the next build sees it newer than its sources
  console.log("mtkit native addon: dist/native/mtkit_aes.node is up to date");
  process.exit(0);
}
// Never overwrite the file in place: a running process (tests, the benchmark, the test server)
// has it mapped, and rewriting a mapped shared object crashes that process. A rename swaps the
// directory entry and leaves the old inode alive for whoever still uses it.
const temporary = `${target}.${process.pid}.tmp`;
copyFileSync(built, temporary);
renameSync(temporary, target);
console.log("mtkit native addon: built dist/native/mtkit_aes.node");
