// One library's transfer in a process of its own (spawned by files.bench.ts): connect, measure the
// idle RSS, move the file once while sampling RSS every 10 ms, print one JSON line.
import { PEERS } from "./files-peers.js";
import type { FilesServerInfo } from "./files-server.js";

export interface FilesWorkerInput {
  readonly peer: string;
  readonly direction: "up" | "down";
  readonly path: string;
  readonly size: number;
  readonly server: FilesServerInfo;
}

export type FilesWorkerOutput =
  { readonly ms: number; readonly bytes: number; readonly peakAboveIdle: number } | { readonly error: string };

async function main(input: FilesWorkerInput): Promise<FilesWorkerOutput> {
  const make = PEERS.find(([name]) => name === input.peer)?.[1];
  if (make === undefined) return { error: `unknown peer ${input.peer}` };
  const peer = await make(input.server);
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const idle = process.memoryUsage.rss();
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    const started = performance.now();
    const bytes =
      input.direction === "up" ? (await peer.upload(input.path, input.size), input.size) : await peer.download();
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, bytes, peakAboveIdle: peak - idle };
  } finally {
    await peer.close();
  }
}

const input = JSON.parse(process.env.MTKIT_BENCH_FILES ?? "{}") as FilesWorkerInput;
main(input).then(
  (output) => {
    console.log(JSON.stringify(output));
    process.exit(0);
  },
  (error: unknown) => {
    console.log(JSON.stringify({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    process.exit(0);
  },
);
