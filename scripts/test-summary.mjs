// Sums vitest JSON reports (packages/*/.vitest/results.json, tooling/*/.vitest/results.json)
// into the one closing line CI reads: "tests: N passed, N failed".
// Nothing that did not run may look green:
// - a test file that failed to start (a beforeAll that threw, an import that crashed) counts each
//   test it could not run as failed, or 1 if it declared none;
// - tests still "pending" when the run ended (their worker died) count as failed;
// - a report whose run failed (`success: false`) with no failed test (a worker crashed) counts what
//   it could not run as failed;
// - a package with a `test` script but no report (vitest never got to write it) counts 1 failed;
// - skipped tests are listed by name, never only counted.
// Exits 1 if anything failed or nothing ran.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;

/** Counts one vitest JSON report; returns [passed, failed, skipped]. */
function countReport(label, report) {
  let p = 0;
  let f = 0;
  let s = 0;
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name ?? "?");
    const results = file.assertionResults ?? [];
    const filePassed = results.filter((r) => r.status === "passed").length;
    const fileFailed = results.filter((r) => r.status === "failed").length;
    const notRun = results.filter((r) => r.status !== "passed" && r.status !== "failed");
    p += filePassed;
    if (file.status === "failed" && fileFailed === 0) {
      // The file failed outside any test: whatever it did not run is a failure, not a skip.
      const lost = Math.max(1, notRun.length);
      f += lost;
      console.log(
        `  ${label}: ${name} failed to start (${lost} counted failed): ${(file.message ?? "").split("\n")[0]}`,
      );
      continue;
    }
    // "pending" at the end of a run means the test never ran (its worker died: out of memory, a
    // crash); vitest still writes success: true. Only an explicit skip or todo is a skip.
    const lost = notRun.filter((r) => r.status === "pending");
    if (lost.length > 0)
      console.log(`  ${label}: ${name}: ${lost.length} tests never ran (a worker died?), counted failed`);
    f += fileFailed + lost.length;
    s += notRun.length - lost.length;
    for (const test of notRun.filter((r) => r.status !== "pending"))
      console.log(`  ${label}: skipped: ${name} > ${test.fullName ?? test.title}`);
  }
  if (report.success === false && f === 0) {
    // vitest says the run failed but no test did: a worker died (out of memory, a crash) and left
    // its tests "skipped". What it could not run is a failure.
    const lost = Math.max(1, s);
    console.log(`  ${label}: the run failed outside any test (a worker crashed?): ${lost} counted failed`);
    return [p, lost, 0];
  }
  return [p, f, s];
}

// `examples` is one package at the root; the others are folders of packages.
const dirs = ["packages", "tooling"].flatMap((root) =>
  existsSync(root)
    ? readdirSync(root)
        .sort()
        .map((dir) => [root, dir])
    : [],
);
for (const [root, dir] of [...dirs, [".", "examples"]]) {
  {
    const packageJson = join(root, dir, "package.json");
    if (!existsSync(packageJson)) continue;
    const hasTests = JSON.parse(readFileSync(packageJson, "utf8")).scripts?.test !== undefined;
    const vitestDir = join(root, dir, ".vitest");
    const reports = existsSync(vitestDir)
      ? readdirSync(vitestDir)
          .filter((f) => f.endsWith(".json"))
          .sort()
      : [];
    if (hasTests && reports.length === 0) {
      failed += 1;
      console.log(`  ${root}/${dir}: no test report (its test task did not finish): 1 counted failed`);
      continue;
    }
    for (const file of reports) {
      const [p, f, s] = countReport(`${root}/${dir}`, JSON.parse(readFileSync(join(vitestDir, file), "utf8")));
      passed += p;
      failed += f;
      skipped += s;
      console.log(`  ${root}/${dir} (${file}): ${p} passed, ${f} failed` + (s ? `, ${s} skipped` : ""));
    }
  }
}
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
