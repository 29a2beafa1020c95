// Runs every benchmark suite in this package, one after another, in one process.
// Each suite prints ops/s or MB/s and the ratio to mtcute and GramJS measured in the same run.
import { exitWatchdog } from "./rpc-progress.js";

const suites: string[] = [
  "./tl.bench.js",
  "./crypto.bench.js",
  "./transport.bench.js",
  "./rpc.bench.js",
  "./idle-rss.bench.js",
  "./hostile-load.bench.js",
  "./updates-catchup.bench.js",
  "./updates-live.bench.js",
  "./updates-engine.bench.js",
  "./fanout.bench.js",
  "./files.bench.js",
  "./handshake.bench.js",
  "./layers.bench.js",
  "./secret.bench.js",
];
for (const suite of suites) {
  await import(suite);
}
console.log(suites.length === 0 ? "no benchmark suites yet" : "done");
// A peer client that leaves a timer or socket behind must not keep `pnpm bench` from ending.
exitWatchdog(5000);
