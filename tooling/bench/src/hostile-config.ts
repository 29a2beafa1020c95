import type { HandshakeSummary } from "@mtkit/test-server";

/** What the hostile-load bench does; passed to its two child processes as JSON in the environment. */
export interface HostileConfig {
  /** Connections that send an obfuscation header at 1 byte/s (slowloris). */
  readonly slowloris: number;
  /** Connections that announce a maximal (2 MiB) intermediate frame and send all of it but one byte. */
  readonly partialFrames: number;
  /** How long the attack lasts once it is ramped up (s). */
  readonly attackSeconds: number;
  /** The server's memory budget (MiB), passed to it as `limits.memoryBudgetBytes`; the goal is to stay under it. */
  readonly budgetMiB: number;
  /** Filled in by the orchestrator for the attacker. */
  readonly port?: number;
}

export const HOSTILE_ENV = "MTKIT_BENCH_HOSTILE";

export function hostileConfigFromEnv(): HostileConfig {
  const raw = process.env[HOSTILE_ENV];
  if (raw === undefined)
    throw new Error(`${HOSTILE_ENV} is not set: this file runs as a child of hostile-load.bench.ts`);
  return JSON.parse(raw) as HostileConfig;
}

/** Every `process.send` of the children, so the orchestrator reads them typed. */
export type HostileMessage =
  | { readonly type: "ready"; readonly port: number; readonly publicKeyPem: string; readonly idleRss: number }
  | { readonly type: "ramped"; readonly opened: number; readonly refused: number; readonly partialBytesSent: number }
  | {
      readonly type: "report";
      readonly peakRss: number;
      /** process.memoryUsage() when the RSS peaked: V8 heap reserved / used, memory outside it. */
      readonly atPeak: {
        readonly heapTotal: number;
        readonly heapUsed: number;
        readonly external: number;
        readonly arrayBuffers: number;
      };
      /** The server's event-loop delay during the attack (ms): how long each packet waits to be read. */
      readonly loopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
      /** The normal client's handshakes as the server timed them, before and during the attack. */
      readonly serverHandshakes: {
        readonly quiet: HandshakeSummary | undefined;
        readonly attacked: HandshakeSummary | undefined;
      };
      /** Open connections when the RSS peaked. */
      readonly connectionsAtPeak: number;
      /** heapUsed when the report was asked for, then after a full collection (the live heap). */
      readonly heapUsedBeforeGc: number;
      readonly liveHeapUsed: number;
      readonly liveArrayBuffers: number;
      readonly connections: number;
      readonly frameBufferedBytes: number;
      readonly closedByLimits: Record<string, number>;
    };
