// The test server of the rpc benchmark. By default it runs in a child process (the
// `mtkit-test-server --json` CLI of @mtkit/test-server), so its CPU work does not share the clients'
// event loop and the idle-memory figure holds only client state. `inProcess` keeps the old variant.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { TestServer } from "@mtkit/test-server";

/** What the clients need: the DC addresses and the RSA key (what `TelegramClient({ testServer })` reads). */
export interface BenchServer {
  readonly endpoints: readonly { readonly id: number; readonly host: string; readonly port: number }[];
  readonly publicKeyPem: string;
  /** Signed 64-bit fingerprint, as GramJS keys its RSA map. */
  readonly fingerprint: bigint;
  readonly where: "child process" | "in process";
  readonly close: () => Promise<void>;
}

/** The CLI's `--json` line (packages/test-server/README.md). */
interface ServerJson {
  readonly dcs: readonly { readonly id: number; readonly host: string; readonly port: number }[];
  readonly publicKeyPem: string;
  readonly fingerprint: string;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startBenchServer(inProcess: boolean): Promise<BenchServer> {
  if (inProcess) {
    const server = await TestServer.start({ dcs: 1 });
    return {
      endpoints: server.endpoints,
      publicKeyPem: server.publicKeyPem,
      fingerprint: server.fingerprint,
      where: "in process",
      close: () => server.close(),
    };
  }
  return startChildServer();
}

function cliPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@mtkit/test-server/package.json")), "dist", "cli.js");
}

async function startChildServer(): Promise<BenchServer> {
  const child = spawn(process.execPath, [cliPath(), "--json", "--dcs", "1"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      resolve();
    }),
  );
  // A crash of the benchmark must not leave the server running.
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const lines = createInterface({ input: child.stdout });
  let timer: NodeJS.Timeout | undefined;
  try {
    const line = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`test server printed nothing within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
      lines.once("line", resolve);
      child.once("exit", (code) => {
        reject(new Error(`test server exited with ${code} before listening`));
      });
    });
    const json = JSON.parse(line) as ServerJson;
    // A function, not an inline test: the answer changes across the await below.
    const running = (): boolean => child.exitCode === null && child.signalCode === null;
    const close = async (): Promise<void> => {
      if (!running()) return;
      child.kill("SIGTERM");
      let killTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        exited,
        new Promise<void>((resolve) => {
          killTimer = setTimeout(resolve, STOP_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(killTimer);
      if (running()) child.kill("SIGKILL");
      process.off("exit", killOnExit);
    };
    return {
      endpoints: json.dcs,
      publicKeyPem: json.publicKeyPem,
      fingerprint: BigInt(json.fingerprint),
      where: "child process",
      close,
    };
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    clearTimeout(timer);
    lines.close();
  }
}
