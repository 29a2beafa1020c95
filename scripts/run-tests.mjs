// The README's test command: generate, build, typecheck, lint and every test (browser tests
// included) through turbo, then the one closing line CI reads, summed from vitest's JSON reports.
// `--continue` lets every task run even when one fails, so a single run shows every failure.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";

// Reports from an earlier run must not stand in for a suite that crashes this time (turbo restores
// the reports of cached tasks itself).
for (const root of ["packages", "tooling"]) {
  for (const dir of readdirSync(root)) rmSync(`${root}/${dir}/.vitest`, { recursive: true, force: true });
}
rmSync("examples/.vitest", { recursive: true, force: true });

const tasks = ["generate", "build", "typecheck", "lint", "test", "test:browser"];
const turbo = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", ...tasks, "--continue", "--concurrency=2", "--output-logs=errors-only"],
  { stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
);
if (turbo.status !== 0) console.log("turbo reported failed tasks (see above)");
// Printed last: its final line is "tests: N passed, N failed".
const summary = spawnSync(process.execPath, ["scripts/test-summary.mjs"], { stdio: "inherit" });
process.exitCode = turbo.status === 0 && summary.status === 0 ? 0 : 1;
