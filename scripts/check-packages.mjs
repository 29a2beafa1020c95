// Release check, run by CI after the build: `pnpm pack` each published package and check the
// tarball a user would install.
// - contents minimal: package.json, README.md, LICENSE, dist/; no tests, benches, reports or build info;
// - no `workspace:` range left in its dependencies;
// - every `exports` / `bin` target is in the tarball;
// - publint (strict) and "are the types wrong" (ESM-only profile) find nothing.
// Prints one line per package and exits 1 on any problem.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const FORBIDDEN = [
  /(^|\/)test\//,
  /\.test\.[cm]?[jt]sx?$/,
  /(^|\/)bench\//,
  /(^|\/)\.vitest\//,
  /\.tsbuildinfo$/,
  /(^|\/)node_modules\//,
];
const REQUIRED = ["package.json", "README.md", "LICENSE"];

/** Entry names and file bodies of a .tgz (ustar; pnpm writes nothing else). */
export function readTarball(bytes) {
  const archive = gunzipSync(bytes);
  const files = new Map();
  for (let at = 0; at + 512 <= archive.length;) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from, length) =>
      header
        .subarray(from, from + length)
        .toString("latin1")
        .replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(0, 100);
    const type = field(156, 1) || "0";
    if (type === "0") files.set(name.replace(/^package\//, ""), archive.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function targets(value) {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(targets);
}

export function tarballProblems(files) {
  const problems = [];
  for (const name of files.keys()) {
    if (FORBIDDEN.some((pattern) => pattern.test(name))) problems.push(`should not ship ${name}`);
  }
  for (const name of REQUIRED) if (!files.has(name)) problems.push(`missing ${name}`);
  const manifest = JSON.parse(files.get("package.json")?.toString("utf8") ?? "{}");
  for (const target of [...targets(manifest.exports), ...targets(manifest.bin)]) {
    const path = target.replace(/^\.\//, "");
    if (!path.includes("*") && !files.has(path)) problems.push(`exports/bin target ${target} is not in the tarball`);
  }
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith("workspace:")) problems.push(`${field}.${name} is still ${range}`);
    }
  }
  for (const field of ["license", "repository", "homepage", "bugs"]) {
    if (manifest[field] === undefined) problems.push(`package.json has no ${field}`);
  }
  return problems;
}

async function checkPackage(dir, destination) {
  const pack = spawnSync("pnpm", ["pack", "--pack-destination", destination], { cwd: dir, encoding: "utf8" });
  if (pack.status !== 0) return [`pnpm pack failed: ${pack.stderr}`];
  const tarball = readdirSync(destination).find((file) => file.endsWith(".tgz"));
  if (tarball === undefined) return ["pnpm pack wrote no tarball"];
  const path = join(destination, tarball);
  const bytes = readFileSync(path);
  const problems = tarballProblems(readTarball(bytes));
  const lint = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    strict: true,
    level: "suggestion",
  });
  for (const message of lint.messages) problems.push(`publint: ${formatMessage(message, lint.pkg) ?? message.code}`);
  const attw = spawnSync("pnpm", ["exec", "attw", path, "--profile", "esm-only", "--format", "ascii"], {
    encoding: "utf8",
  });
  if (attw.status !== 0)
    problems.push(
      `attw: ${
        attw.stdout
          .split("\n")
          .filter((line) => /❌|💀|⚠️|error/i.test(line))
          .slice(0, 5)
          .join(" | ") || attw.stderr
      }`,
    );
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  for (const name of readdirSync("packages").sort()) {
    const dir = join("packages", name);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (manifest.private === true) continue;
    const destination = mkdtempSync(join(tmpdir(), "mtkit-pack-"));
    const problems = await checkPackage(dir, destination);
    rmSync(destination, { recursive: true, force: true });
    failed += problems.length > 0 ? 1 : 0;
    console.log(
      `${problems.length === 0 ? "ok  " : "FAIL"} ${manifest.name}${problems.map((p) => `\n       ${p}`).join("")}`,
    );
  }
  console.log(`packages: ${failed === 0 ? "all tarballs pass" : `${failed} with problems`}`);
  process.exitCode = failed === 0 ? 0 : 1;
}
