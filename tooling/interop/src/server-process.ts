import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { LoginCodes } from "./login-codes.js";

/** What `mtkit-test-server --json` prints once it listens (packages/test-server/README.md). */
export interface ServerDescription {
  readonly dcs: readonly {
    readonly id: number;
    readonly host: string;
    readonly port: number;
    readonly wsPort: number | null;
  }[];
  readonly publicKeyPem: string;
  /** Signed decimal, as resPQ carries it (GramJS keys its map by it). */
  readonly fingerprint: string;
  readonly seeded: {
    readonly users: readonly { readonly id: string; readonly phone: string; readonly username: string | null }[];
    readonly bots: readonly { readonly id: string; readonly username: string | null; readonly token: string }[];
  };
}

export interface ServerProcess {
  readonly description: ServerDescription;
  readonly dc: ServerDescription["dcs"][number];
  /** The next login code the CLI prints on stderr for `phone` (digits only), as a developer would read it. */
  readonly nextLoginCode: (phone: string) => Promise<string>;
  /** SIGTERM and wait for the exit (the CLI closes every listener first). */
  stop(): Promise<void>;
}

const cliPath = join(dirname(createRequire(import.meta.url).resolve("@mtkit/test-server/package.json")), "dist/cli.js");

/**
 * Starts the test server the way a developer of another library would: its CLI in a child process,
 * so the peers in this process meet a server they share nothing with but sockets.
 */
export async function startServerProcess(args: readonly string[], timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cliPath, "--json", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const codes = new LoginCodes();
  createInterface({ input: child.stderr }).on("line", (line) => {
    codes.heard(line);
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
  const description = await new Promise<ServerDescription>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`test server did not print its --json line within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as ServerDescription);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`test server exited with ${String(code)} before listening\n${stderr}`));
    });
  });
  return {
    description,
    dc: description.dcs[0]!,
    nextLoginCode: (phone) => codes.next(phone),
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
