// Sums vitest JSON reports (packages/*/.vitest/results.json, tooling/*/.vitest/results.json)
// into the one closing line CI reads: "tests: N passed, N failed".
// Exits 1 if any test failed or none ran, so a silent no-op run cannot look green.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const root of ["packages", "tooling"]) {
  if (!existsSync(root)) continue;
  for (const dir of readdirSync(root).sort()) {
    const vitestDir = join(root, dir, ".vitest");
    if (!existsSync(vitestDir)) continue;
    for (const file of readdirSync(vitestDir).filter((f) => f.endsWith(".json")).sort()) {
      const report = JSON.parse(readFileSync(join(vitestDir, file), "utf8"));
      const p = report.numPassedTests ?? 0;
      const f = report.numFailedTests ?? 0;
      passed += p;
      failed += f;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      console.log(`  ${root}/${dir} (${file}): ${p} passed, ${f} failed`);
    }
  }
}
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
