// The result table of the rpc benchmark: one column per client and the ratio of the mtkit client to
// the best peer (mtcute or GramJS) on each row.
import type { IdleMemory, LoadResult } from "./rpc-measure.js";

export const MTKIT_CLIENT = "mtkit client";
export const PEERS = ["mtcute", "GramJS"] as const;

export interface RpcFigures {
  readonly columns: readonly string[];
  readonly handshakeMs: ReadonlyMap<string, number>;
  readonly pfsHandshakeMs: number | undefined;
  readonly load: ReadonlyMap<string, LoadResult>;
  readonly idleMemory: ReadonlyMap<string, IdleMemory>;
}

type Better = "higher" | "lower";
const LABEL_WIDTH = 34;
const CELL_WIDTH = 13;

function cell(value: number | undefined, digits: number): string {
  return (value === undefined || Number.isNaN(value) ? "n/a" : value.toFixed(digits)).padStart(CELL_WIDTH);
}

/** mtkit client / best peer, where "best" is the highest throughput or the lowest time or memory. */
function ratioToBestPeer(value: (column: string) => number | undefined, better: Better): number | undefined {
  const mine = value(MTKIT_CLIENT);
  const peers = PEERS.map(value).filter((v): v is number => v !== undefined && !Number.isNaN(v));
  if (mine === undefined || peers.length === 0) return undefined;
  const best = better === "higher" ? Math.max(...peers) : Math.min(...peers);
  return mine / best;
}

export function printRpcTable(
  figures: RpcFigures,
  handshakes: number,
  idleClients: number,
  inFlight: readonly number[],
): void {
  const lines: string[] = [];
  const row = (label: string, value: (column: string) => number | undefined, digits: number, better: Better): void => {
    const cells = figures.columns.map((column) => cell(value(column), digits)).join("");
    lines.push(`${label.padEnd(LABEL_WIDTH)}${cells}${cell(ratioToBestPeer(value, better), 2)}`);
  };
  lines.push(
    `${"".padEnd(LABEL_WIDTH)}${[...figures.columns, "client/best"].map((c) => c.padStart(CELL_WIDTH)).join("")}`,
  );
  row(`handshake, median of ${handshakes} (ms)`, (c) => figures.handshakeMs.get(c), 1, "lower");
  const pfs = figures.pfsHandshakeMs;
  row(`handshake with PFS (ms)`, (c) => (c === MTKIT_CLIENT ? pfs : undefined), 1, "lower");
  for (const n of inFlight) {
    row(`${n} in flight: calls/s`, (c) => figures.load.get(`${c}/${n}`)?.callsPerSecond, 0, "higher");
    row(`${n} in flight: p50 (ms)`, (c) => figures.load.get(`${c}/${n}`)?.p50Ms, 2, "lower");
    row(`${n} in flight: p99 (ms)`, (c) => figures.load.get(`${c}/${n}`)?.p99Ms, 2, "lower");
  }
  row(
    `idle KiB/client (K=${idleClients})`,
    (c) => {
      const m = figures.idleMemory.get(c);
      return m === undefined ? undefined : m.growthBytes / 1024;
    },
    1,
    "lower",
  );
  console.log(`\n${lines.join("\n")}`);
  console.log(
    "client/best: mtkit client divided by the better of mtcute and GramJS (calls/s: > 1 is faster; ms, KiB: < 1 is better).",
  );
  console.log(
    "handshake: fresh client to the first help.getNearestDc answer (TCP connect, new auth key, initConnection);",
  );
  console.log(
    "  'with PFS': mtkit client with pfs on (its default): permanent + temporary key and auth.bindTempAuthKey.",
  );
}
