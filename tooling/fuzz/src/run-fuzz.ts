import { AllocationGuard } from "./alloc-guard.js";
import { Rng } from "./rng.js";
import type { FuzzTarget } from "./target.js";
import { framingTarget } from "./targets/framing.js";
import { sessionReceiveTarget } from "./targets/session-receive.js";
import { tlReaderTarget } from "./targets/tl-reader.js";

export interface FuzzOptions {
  /** Inputs in total, spread over the targets in turn. */
  readonly inputs: number;
  /** Stops early after this long (the run is bounded in time whatever `inputs` says). */
  readonly maxSeconds: number;
  readonly seed: number;
  /** One input taking longer than this is a hang. Default 1000 ms. */
  readonly hangMs?: number;
}

export interface Finding {
  readonly target: string;
  readonly input: number;
  readonly kind: "untyped-error" | "hang" | "allocation";
  readonly detail: string;
}

export interface FuzzReport {
  readonly inputs: number;
  readonly seconds: number;
  /** Per target: inputs run and outcomes (ok or typed error code) with their counts. */
  readonly targets: Record<string, { inputs: number; outcomes: Record<string, number> }>;
  readonly findings: readonly Finding[];
  readonly stoppedByTime: boolean;
}

export function defaultTargets(): FuzzTarget[] {
  return [tlReaderTarget(), framingTarget(), sessionReceiveTarget()];
}

/** Runs the targets in turn; every input must end in "ok" or a typed error, quickly, with no huge allocation. */
export function runFuzz(options: FuzzOptions, targets: readonly FuzzTarget[] = defaultTargets()): FuzzReport {
  const rng = new Rng(options.seed);
  const guard = new AllocationGuard();
  const hangMs = options.hangMs ?? 1000;
  const report: FuzzReport["targets"] = {};
  for (const target of targets) report[target.name] = { inputs: 0, outcomes: {} };
  const findings: Finding[] = [];
  const started = performance.now();
  let done = 0;
  let stoppedByTime = false;
  guard.install();
  try {
    for (; done < options.inputs && findings.length < 20; done++) {
      if (done % 1024 === 0 && performance.now() - started > options.maxSeconds * 1000) {
        stoppedByTime = true;
        break;
      }
      const target = targets[done % targets.length]!;
      const entry = report[target.name]!;
      const before = performance.now();
      let outcome: string;
      try {
        outcome = target.run(rng, guard);
      } catch (error) {
        findings.push({
          target: target.name,
          input: done,
          kind: "untyped-error",
          detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error),
        });
        outcome = "untyped";
      }
      const took = performance.now() - before;
      if (took > hangMs)
        findings.push({ target: target.name, input: done, kind: "hang", detail: `${took.toFixed(0)} ms` });
      const allocation = guard.take();
      if (allocation !== undefined) {
        findings.push({
          target: target.name,
          input: done,
          kind: "allocation",
          detail: `${allocation.size} bytes allocated for a ${allocation.inputLength}-byte input`,
        });
      }
      entry.inputs++;
      entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1;
    }
  } finally {
    guard.uninstall();
  }
  return { inputs: done, seconds: (performance.now() - started) / 1000, targets: report, findings, stoppedByTime };
}
