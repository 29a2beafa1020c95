// `pnpm fuzz`: at least 1,000,000 inputs over the TL reader, every framing codec and transport
// detection, and the session's receive path in both roles; bounded in time. Exit code 1 on any
// finding (an untyped error, a hang, an allocation sized from a claimed length) or a short run.
// Options: --inputs N (default 1000000), --seconds S (default 900), --seed X (default 1).
import { parseArgs } from "node:util";
import { runFuzz } from "./run-fuzz.js";

// pnpm passes a lone "--" through to the script: skip it.
const args = process.argv.slice(2).filter((arg) => arg !== "--");
const { values } = parseArgs({
  args,
  options: { inputs: { type: "string" }, seconds: { type: "string" }, seed: { type: "string" } },
});
const inputs = Number(values.inputs ?? 1_000_000);
const seconds = Number(values.seconds ?? 900);
const seed = Number(values.seed ?? 1);

const report = runFuzz({ inputs, maxSeconds: seconds, seed });
console.log(`fuzz: ${report.inputs.toLocaleString("en-US")} inputs in ${report.seconds.toFixed(1)} s (seed ${seed})`);
for (const [name, entry] of Object.entries(report.targets)) {
  const outcomes = Object.entries(entry.outcomes).sort((a, b) => b[1] - a[1]);
  console.log(
    `  ${name}: ${entry.inputs.toLocaleString("en-US")} inputs; ${outcomes
      .slice(0, 8)
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(", ")}${outcomes.length > 8 ? ", ..." : ""}`,
  );
}
for (const finding of report.findings)
  console.log(`FINDING ${finding.kind} in ${finding.target} (input ${finding.input}): ${finding.detail}`);
const short = report.inputs < inputs;
if (short) console.log(`stopped after ${report.seconds.toFixed(0)} s: ${report.inputs} of ${inputs} inputs`);
console.log(report.findings.length === 0 && !short ? "fuzz: no findings" : "fuzz: FAILED");
process.exitCode = report.findings.length === 0 && !short ? 0 : 1;
