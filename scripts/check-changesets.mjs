// Release check, run by CI: `changeset version` on a throw-away copy of the repository must give
// every published package its next version and a CHANGELOG.md, and consume every changeset. The
// real `.changeset/` is never touched (releasing is RELEASING.md's job).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const root = resolve(".");
const copy = mkdtempSync(join(tmpdir(), "mtkit-changesets-"));
const skip = new Set(["node_modules", "dist", ".turbo", ".vitest", ".git", ".bench", "generated"]);
cpSync(root, copy, {
  recursive: true,
  filter: (source) =>
    !relative(root, source)
      .split("/")
      .some((part) => skip.has(part)),
});

const problems = [];
const run = spawnSync(join(root, "node_modules/.bin/changeset"), ["version"], { cwd: copy, encoding: "utf8" });
if (run.status !== 0) problems.push(`changeset version failed: ${run.stderr || run.stdout}`);
const left = readdirSync(join(copy, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md");
if (left.length > 0) problems.push(`changesets not consumed: ${left.join(", ")}`);
for (const name of readdirSync(join(copy, "packages")).sort()) {
  const before = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
  if (before.private === true) continue;
  const after = JSON.parse(readFileSync(join(copy, "packages", name, "package.json"), "utf8"));
  const changelog = join(copy, "packages", name, "CHANGELOG.md");
  const line = `${after.name}: ${before.version} -> ${after.version}`;
  if (after.version === before.version) problems.push(`${line}: not bumped`);
  else if (!existsSync(changelog) || !readFileSync(changelog, "utf8").includes(`## ${after.version}`))
    problems.push(`${line}: no CHANGELOG entry`);
  else console.log(`ok   ${line}`);
}
rmSync(copy, { recursive: true, force: true });
for (const problem of problems) console.log(`FAIL ${problem}`);
console.log(`changesets: ${problems.length === 0 ? "version works" : `${problems.length} problems`}`);
process.exitCode = problems.length === 0 ? 0 : 1;
