import { spawn, type ChildProcessByStdio } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Harness } from "./harness.js";

const CHILD = fileURLToPath(new URL("../fixtures/updates-child.ts", import.meta.url));

export interface UpdatesChild {
  readonly child: ChildProcessByStdio<null, Readable, null>;
  /** What the child printed so far ("ready" once logged in, "stopped" after a graceful stop). */
  stdout(): string;
  /** Its exit code, once its output is closed too. */
  readonly exited: Promise<number | null>;
}

/**
 * Runs fixtures/updates-child.ts in its own process: the bot `token` on SQLite state at `session`,
 * writing every message it is given to `out`, against the harness's server. `env` adds its knobs
 * (MTKIT_DEAD_MS, MTKIT_SINK_DELAY_MS).
 */
export function runUpdatesChild(
  h: Harness,
  token: string,
  files: { readonly session: string; readonly out: string },
  env: Readonly<Record<string, string>>,
): UpdatesChild {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, files.session, files.out], {
    env: {
      ...process.env,
      MTKIT_SERVER: JSON.stringify({ endpoints: h.server.endpoints, publicKeyPem: h.server.publicKeyPem }),
      MTKIT_BOT_TOKEN: token,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // "close", not "exit": the child's last stdout lines are read by then.
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { child, stdout: () => output, exited };
}

/** The non-empty lines of the child's output file (none before it exists). */
export const linesOf = (path: string): string[] =>
  existsSync(path)
    ? readFileSync(path, "utf8")
        .split("\n")
        .filter((line) => line.length > 0)
    : [];
