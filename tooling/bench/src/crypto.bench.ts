// Crypto benchmark: mtkit's portable and node providers vs mtcute and GramJS, same run.
// Run: pnpm --filter @mtkit/bench run bench:crypto   (prints MB/s or µs and ratios)
// BENCH_ONLY=ctr (or ige, hash, modpow, pq; comma-separated) runs only those sections.
import {
  createNodeCrypto,
  createPortableCrypto,
  type CryptoProvider,
  factorizePq,
  TELEGRAM_DH_PRIME,
} from "@mtkit/mtproto-crypto/node";
import { loadVectors } from "@mtkit/test-vectors";
import { measure } from "mitata";
import { median } from "./stats.js";
import { createMtcute, gramjsIge, type IgePeer, mtcuteIge, nodeCbcCeiling, nodeCtrCeiling } from "./crypto-peers.js";

const portable = createPortableCrypto();
const portableScalar = createPortableCrypto({ simd: false });
const portableJs = createPortableCrypto({ wasm: false });
const node = createNodeCrypto();
const nodeNoAddon = createNodeCrypto({ native: false });
const mtcute = await createMtcute();
const mtkitIge = (p: CryptoProvider): IgePeer => ({
  encrypt: (data, k, v) => p.aesIgeEncrypt(data, k, v),
  decrypt: (data, k, v) => p.aesIgeDecrypt(data, k, v),
});
const peers: Record<string, IgePeer> = {
  "mtkit node": mtkitIge(node),
  "mtkit node, no addon": mtkitIge(nodeNoAddon),
  "mtkit portable": mtkitIge(portable),
  "mtkit portable scalar": mtkitIge(portableScalar),
  "mtkit portable js": mtkitIge(portableJs),
  mtcute: mtcuteIge(mtcute),
  gramjs: gramjsIge(),
};

const only = process.env.BENCH_ONLY?.split(",");
const section = (name: string): boolean => only === undefined || only.includes(name);

const key = node.randomFill(new Uint8Array(32));
const iv = node.randomFill(new Uint8Array(32));

/**
 * Nanoseconds per call: mitata's fastest sample over three rounds, with the contenders of one
 * comparison interleaved round by round. The machine is shared (other engineers' builds come and
 * go), so a sample's time is the work plus whatever preemption hit it; the fastest sample is the
 * least disturbed estimate of the work, and interleaving keeps the ratios fair.
 */
async function compare(fns: Record<string, () => unknown>): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let round = 0; round < 3; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      const { min } = await measure(fn, { min_cpu_time: 120e6 });
      best[name] = Math.min(best[name] ?? Infinity, min);
    }
  }
  return best;
}

async function ns(fn: () => unknown): Promise<number> {
  return (await compare({ fn })).fn!;
}

function mbps(bytes: number, nanos: number): string {
  return ((bytes / nanos) * 1e3).toFixed(0).padStart(6);
}

const rows: string[] = [];
function row(label: string, cells: string[]): void {
  rows.push(`${label.padEnd(34)} ${cells.join("  ")}`);
  console.log(rows.at(-1));
}

/** Issue 15's rows: the portable provider (browsers) and Node without the addon against mtcute's WebAssembly. */
function withoutAddon(times: Record<string, number>): string[] {
  const vs = (name: string): string => (times.mtcute! / times[name]!).toFixed(2);
  return [
    `portable vs mtcute ${vs("mtkit portable")}x`,
    `node no addon vs mtcute ${vs("mtkit node, no addon")}x`,
    `portable vs scalar wasm ${(times["mtkit portable scalar"]! / times["mtkit portable"]!).toFixed(2)}x`,
  ];
}

console.log(
  `node ${process.version}, ${process.arch}; provider "${node.name}"; MB/s (higher is better), ratio = mtkit node / peer`,
);
for (const size of section("ige") ? [1024, 64 * 1024, 512 * 1024] : []) {
  const data = node.randomFill(new Uint8Array(size));
  const label = size >= 1024 * 1024 ? `${size / 1048576} MiB` : `${size / 1024} KiB`;
  const cipher = peers["mtkit node"]!.encrypt(data, key, iv);
  const entries = Object.entries(peers);
  const enc = await compare(
    Object.fromEntries(entries.map(([name, peer]) => [name, () => peer.encrypt(data, key, iv)])),
  );
  const dec = await compare(
    Object.fromEntries(entries.map(([name, peer]) => [name, () => peer.decrypt(cipher, key, iv)])),
  );
  const cbc = await ns(() => nodeCbcCeiling(data, key, iv));
  const fmt = (m: Record<string, number>): string[] => Object.entries(m).map(([n, t]) => `${n} ${mbps(size, t)}`);
  row(`IGE encrypt ${label}`, [...fmt(enc), `cbc-ceiling ${mbps(size, cbc)}`]);
  row(`  ratios`, [
    `vs ceiling ${(cbc / enc["mtkit node"]!).toFixed(2)}x (no addon ${(cbc / enc["mtkit node, no addon"]!).toFixed(2)}x)`,
    `vs mtcute ${(enc.mtcute! / enc["mtkit node"]!).toFixed(2)}x`,
    `portable vs gramjs ${(enc.gramjs! / enc["mtkit portable"]!).toFixed(2)}x`,
  ]);
  row(`  ratios without the addon`, withoutAddon(enc));
  row(`IGE decrypt ${label}`, fmt(dec));
  row(`  ratios`, [
    `vs mtcute ${(dec.mtcute! / dec["mtkit node"]!).toFixed(2)}x`,
    `portable vs gramjs ${(dec.gramjs! / dec["mtkit portable"]!).toFixed(2)}x`,
  ]);
  row(`  ratios without the addon`, withoutAddon(dec));
  if (size === 1024) {
    const trip = (p: IgePeer) => () => p.decrypt(p.encrypt(data, key, iv), key, iv);
    const { ours, theirs } = (await compare({ ours: trip(peers["mtkit node"]!), theirs: trip(peers.mtcute!) })) as {
      ours: number;
      theirs: number;
    };
    row(`IGE round trip 1 KiB (µs)`, [
      `mtkit node ${(ours / 1e3).toFixed(2)}`,
      `mtcute ${(theirs / 1e3).toFixed(2)}`,
      `ratio ${(theirs / ours).toFixed(2)}x`,
    ]);
  }
}

// AES-256-CTR streams (obfuscated transports): one long-lived stream per contender, `process` per
// chunk, as a connection uses it. node:crypto's own aes-256-ctr cipher (`update` per chunk) is the ceiling.
// 128 bytes: the size of most frames an obfuscated connection carries (one process call per frame).
for (const size of section("ctr") ? [128, 1024, 64 * 1024] : []) {
  const data = node.randomFill(new Uint8Array(size));
  const label = size < 1024 ? `${size} B` : `${size / 1024} KiB`;
  const ctrIv = iv.subarray(0, 16);
  const streams = {
    "mtkit node": node.createAesCtr(key, ctrIv),
    "mtkit portable": portable.createAesCtr(key, ctrIv),
    "mtkit portable scalar": portableScalar.createAesCtr(key, ctrIv),
    "mtkit portable js": portableJs.createAesCtr(key, ctrIv),
    mtcute: mtcute.createAesCtr(key, ctrIv),
    "node:crypto ceiling": nodeCtrCeiling(key, ctrIv),
  };
  const times = await compare(
    Object.fromEntries(Object.entries(streams).map(([name, stream]) => [name, () => stream.process(data)])),
  );
  row(
    `AES-CTR stream ${label}`,
    Object.entries(times).map(([n, t]) => `${n} ${mbps(size, t)}`),
  );
  const ceiling = times["node:crypto ceiling"]!;
  row(`  ratios`, [
    `node vs ceiling ${(ceiling / times["mtkit node"]!).toFixed(2)}x`,
    `node vs mtcute ${(times.mtcute! / times["mtkit node"]!).toFixed(2)}x`,
    `portable vs mtcute ${(times.mtcute! / times["mtkit portable"]!).toFixed(2)}x`,
    `portable vs scalar wasm ${(times["mtkit portable scalar"]! / times["mtkit portable"]!).toFixed(2)}x`,
  ]);
}

const kib = node.randomFill(new Uint8Array(1024));
for (const [name, pick] of section("hash")
  ? ([
      ["SHA-1", "sha1"],
      ["SHA-256", "sha256"],
    ] as const)
  : []) {
  const { ours, port, theirs } = (await compare({
    ours: () => node[pick](kib),
    port: () => portable[pick](kib),
    theirs: () => mtcute[pick](kib),
  })) as { ours: number; port: number; theirs: number };
  row(`${name} 1 KiB`, [
    `mtkit node ${mbps(1024, ours)}`,
    `portable ${mbps(1024, port)}`,
    `mtcute ${mbps(1024, theirs)}`,
  ]);
}

if (section("modpow")) {
  const exponent = node.randomFill(new Uint8Array(256));
  const e = BigInt(`0x${Buffer.from(exponent).toString("hex")}`);
  const { powNode, powPortable } = (await compare({
    powNode: () => node.modPow(3n, e, TELEGRAM_DH_PRIME),
    powPortable: () => portable.modPow(3n, e, TELEGRAM_DH_PRIME),
  })) as { powNode: number; powPortable: number };
  row(`modPow 2048-bit (ms)`, [
    `mtkit node ${(powNode / 1e6).toFixed(2)}`,
    `portable (BigInt) ${(powPortable / 1e6).toFixed(2)}`,
  ]);
}

if (section("pq")) {
  const { cases } = loadVectors("pq-factorization") as { cases: { pq: string; pq_bytes_be: string }[] };
  const pqTimes: number[] = [];
  const mtcuteTimes: number[] = [];
  for (const c of cases) {
    const bytes = Uint8Array.from(Buffer.from(c.pq_bytes_be, "hex"));
    const { ours, theirs } = (await compare({
      ours: () => factorizePq(BigInt(c.pq)),
      theirs: () => mtcute.factorizePQ(bytes),
    })) as { ours: number; theirs: number };
    pqTimes.push(ours);
    mtcuteTimes.push(theirs);
  }
  row(`pq factorisation, median of vectors (ms)`, [
    `mtkit ${(median(pqTimes) / 1e6).toFixed(2)}`,
    `mtcute ${(median(mtcuteTimes) / 1e6).toFixed(2)}`,
    `max ${(Math.max(...pqTimes) / 1e6).toFixed(2)}`,
  ]);
}
