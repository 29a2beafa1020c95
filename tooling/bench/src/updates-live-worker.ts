// One library's receiver in a process of its own (spawned by updates-live.bench.ts): log in as a
// test number, print `{"ready": userId}`, then count new-message updates until `count` arrived or
// the budget ran out, and print `{"handled", "ms"}`: ms from the first to the last update handled.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MemoryStorage } from "@mtkit/client";
import { TelegramClient } from "@mtkit/client/node";
import { createTcpTransport } from "@mtkit/transport-tcp";
import { TelegramClient as MtcuteClient, MemoryStorage as MtcuteStorage, TcpTransport } from "@mtcute/node";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import type { LiveServerInfo } from "./updates-live-server.js";

export interface LiveWorkerInput {
  /** "mtkit" frames like mtcute's TcpTransport (plain intermediate); "mtkit-obfuscated" is mtkit's default TCP. */
  readonly peer: "mtkit" | "mtkit-obfuscated" | "mtcute" | "GramJS";
  readonly phone: string;
  readonly count: number;
  readonly budgetMs: number;
  readonly server: LiveServerInfo;
}

const API_HASH = "0".repeat(32);
const input = JSON.parse(process.env.MTKIT_BENCH_LIVE ?? "{}") as LiveWorkerInput;
const code = input.phone.charAt(5).repeat(5);
let handled = 0;
let first = 0;
let last = 0;
/** The process's CPU time at the first update and at the last: what handling them cost, whatever the load. */
let cpuAtFirst: NodeJS.CpuUsage | undefined;
let cpuAtLast: NodeJS.CpuUsage | undefined;
/** The main thread's own CPU at the first and the last update (Linux only): without V8's GC and compiler threads. */
let mainAtFirst: number | undefined;
let mainAtLast: number | undefined;
let finish: () => void = () => undefined;
const done = new Promise<void>((resolve) => {
  finish = resolve;
});
function onMessage(): void {
  last = performance.now();
  if (handled === 0) {
    first = last;
    cpuAtFirst = process.cpuUsage();
    mainAtFirst = mainThreadCpuMs();
  }
  handled++;
  if (handled >= input.count) {
    cpuAtLast = process.cpuUsage(cpuAtFirst);
    mainAtLast = mainThreadCpuMs();
    finish();
  }
}

/** utime + stime of the main thread from /proc (clock ticks of 10 ms), undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function startMtkit(obfuscated: boolean): Promise<{ id: bigint; close: () => Promise<void> }> {
  const client = new TelegramClient({
    // The same bytes on the wire as mtcute's TcpTransport (intermediate, not obfuscated), unless asked.
    ...(obfuscated ? {} : { transport: () => createTcpTransport({ protocol: "intermediate" }) }),
    apiId: 1,
    apiHash: API_HASH,
    storage: new MemoryStorage(),
    testServer: {
      endpoints: [{ id: 1, host: "127.0.0.1", port: input.server.port }],
      publicKeyPem: input.server.publicKeyPem,
    },
    pfs: false,
  });
  const user = await client.start({ phone: input.phone, code: () => code, firstName: "Receiver" });
  client.on("newMessage", onMessage);
  return { id: user.id, close: () => client.disconnect() };
}

async function startMtcute(): Promise<{ id: bigint; close: () => Promise<void> }> {
  const crypto = new NodeCryptoProvider();
  addPublicKey(crypto, input.server.publicKeyPem);
  const dc = { id: 1, ipAddress: "127.0.0.1", port: input.server.port };
  const client = new MtcuteClient({
    apiId: 1,
    apiHash: API_HASH,
    storage: new MtcuteStorage(),
    crypto,
    defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
    transport: new TcpTransport(),
    logLevel: 0,
  });
  client.onNewMessage.add(onMessage);
  // mtcute asks again when sign-in fails, also when it cannot read the answer: stop at the second ask.
  let asked = 0;
  const user = await client.start({
    phone: input.phone,
    code: () => {
      if (asked++ > 0) throw new Error("sign-in failed (mtcute asked for the code a second time)");
      return code;
    },
  });
  await mtcuteUpdatesLoopStarted(client);
  return { id: BigInt(user.id), close: () => client.destroy() };
}

/**
 * mtcute's start() returns before its updates loop has begun (notifyLoggedIn starts it unawaited).
 * Without `catchUp` the loop first takes a state (getState, then getDifference from it, whose
 * contents it drops) and only then listens: what is sent meanwhile is never dispatched. So the
 * sender waits for the loop, or the first messages are lost by design (issue 10, bench README).
 */
async function mtcuteUpdatesLoopStarted(client: MtcuteClient): Promise<void> {
  const base = client._client as unknown as { readonly updates?: { readonly updatesLoopActive: boolean } };
  while (base.updates?.updatesLoopActive !== true) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function startGramJs(): Promise<{ id: bigint; close: () => Promise<void> }> {
  const require = createRequire(import.meta.url);
  const { createPublicKey } = await import("node:crypto");
  const telegram = require("telegram") as typeof import("telegram");
  const network = require("telegram/network/index.js") as typeof import("telegram/network/index.js");
  const sessions = require("telegram/sessions/index.js") as typeof import("telegram/sessions/index.js");
  const logger = require("telegram/extensions/Logger.js") as typeof import("telegram/extensions/Logger.js");
  const rsa = require("telegram/crypto/RSA.js") as typeof import("telegram/crypto/RSA.js");
  const events = require("telegram/events/index.js") as typeof import("telegram/events/index.js");
  const bigInt = require("big-integer") as typeof import("big-integer");
  const jwk = createPublicKey(input.server.publicKeyPem).export({ format: "jwk" });
  rsa._serverKeys.set(input.server.fingerprint, {
    n: bigInt(Buffer.from(jwk.n ?? "", "base64url").toString("hex"), 16),
    e: 65537,
  });
  const port = input.server.port;
  class LocalConnection extends network.ConnectionTCPFull {
    constructor(params: ConstructorParameters<typeof network.ConnectionTCPFull>[0]) {
      super({ ...params, ip: "127.0.0.1", port });
    }
  }
  const session = new sessions.MemorySession();
  session.setDC(1, "127.0.0.1", port);
  const client = new telegram.TelegramClient(session, 1, API_HASH, {
    connection: LocalConnection,
    useWSS: false,
    autoReconnect: false,
    // GramJS's default of 5 attempts: ~1 handshake in 256 fails on its own g_ab bug (test-server README).
    connectionRetries: 5,
    baseLogger: new logger.Logger(logger.LogLevel.NONE),
  });
  await client.start({
    phoneNumber: input.phone,
    phoneCode: () => Promise.resolve(code),
    onError: (error) => {
      throw error;
    },
  });
  client.addEventHandler(onMessage, new events.NewMessage({}));
  const me = await client.getMe();
  return { id: BigInt(me.id.toString()), close: () => client.destroy() };
}

async function main(): Promise<object> {
  const start =
    input.peer === "mtkit"
      ? () => startMtkit(false)
      : input.peer === "mtkit-obfuscated"
        ? () => startMtkit(true)
        : input.peer === "mtcute"
          ? startMtcute
          : startGramJs;
  let loginTimer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    loginTimer = setTimeout(() => {
      reject(new Error("login timed out after 30 s"));
    }, 30_000);
  });
  const receiver = await Promise.race([start(), timeout]);
  clearTimeout(loginTimer);
  console.log(JSON.stringify({ ready: receiver.id.toString() }));
  const timer = setTimeout(finish, input.budgetMs);
  await done;
  clearTimeout(timer);
  await receiver.close();
  const cpuMs = cpuAtLast === undefined ? undefined : (cpuAtLast.user + cpuAtLast.system) / 1000;
  const mainCpuMs = mainAtFirst === undefined || mainAtLast === undefined ? undefined : mainAtLast - mainAtFirst;
  return { handled, ms: last - first, cpuMs, mainCpuMs };
}

main().then(
  (output) => {
    console.log(JSON.stringify(output));
    process.exit(0);
  },
  (error: unknown) => {
    console.log(JSON.stringify({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    process.exit(0);
  },
);
