#!/usr/bin/env node
// `mtkit-tl decode --schema api|mtproto|secret <hex|base64>` prints JSON;
// `mtkit-tl encode --schema api|mtproto|secret '<json>'` prints hex.
import { runCli } from "./run.js";

const result = runCli(process.argv.slice(2));
if (result.ok) {
  process.stdout.write(`${result.output}\n`);
} else {
  process.stderr.write(`${result.output}\n`);
  process.exitCode = 1;
}
