// Crypto benchmark: mtkit's portable and node providers vs mtcute and GramJS, same run.
// Run: pnpm --filter @mtkit/bench run bench:crypto   (prints MB/s or µs and ratios)
import {
  createNodeCrypto,
  createPortableCrypto,
  type CryptoProvider,
  factorizePq,
  TELEGRAM_DH_PRIME,
} from "@mtkit/mtproto-crypto/node";
import { loadVectors } from "@mtkit/test-vectors";
import { measure } from "mitata";
import { createMtcute, gramjsIge, type IgePeer, mtcuteIge, nodeCbcCeiling } from "./crypto-peers.js";

const portable = createPortableCrypto();
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
  mtcute: mtcuteIge(mtcute),
  gramjs: gramjsIge(),
};

const key = node.randomFill(new Uint8Array(32));
const iv = node.randomFill(new Uint8Array(32));

/** Mean nanoseconds per call (mitata's adaptive sampling). */
async function ns(fn: () => unknown): Promise<number> {
  return (await measure(fn, { min_cpu_time: 300e6 })).avg;
}

function mbps(bytes: number, nanos: number): string {
  return ((bytes / nanos) * 1e3).toFixed(0).padStart(6);
}

const rows: string[] = [];
function row(label: string, cells: string[]): void {
  rows.push(`${label.padEnd(34)} ${cells.join("  ")}`);
  console.log(rows.at(-1));
}

console.log(`node ${process.version}, ${process.arch}; provider "${node.name}"; MB/s (higher is better), ratio = mtkit node / peer`);
for (const size of [1024, 64 * 1024, 512 * 1024]) {
  const data = node.randomFill(new Uint8Array(size));
  const label = size >= 1024 * 1024 ? `${size / 1048576} MiB` : `${size / 1024} KiB`;
  const cbc = await ns(() => nodeCbcCeiling(data, key, iv));
  const enc: Record<string, number> = {};
  const dec: Record<string, number> = {};
  for (const [name, peer] of Object.entries(peers)) {
    const cipher = peer.encrypt(data, key, iv);
    enc[name] = await ns(() => peer.encrypt(data, key, iv));
    dec[name] = await ns(() => peer.decrypt(cipher, key, iv));
  }
  const fmt = (m: Record<string, number>): string[] => Object.entries(m).map(([n, t]) => `${n} ${mbps(size, t)}`);
  row(`IGE encrypt ${label}`, [...fmt(enc), `cbc-ceiling ${mbps(size, cbc)}`]);
  row(`  ratios`, [`vs ceiling ${(cbc / enc["mtkit node"]!).toFixed(2)}x (no addon ${(cbc / enc["mtkit node, no addon"]!).toFixed(2)}x)`, `vs mtcute ${(enc.mtcute! / enc["mtkit node"]!).toFixed(2)}x`, `portable vs gramjs ${(enc.gramjs! / enc["mtkit portable"]!).toFixed(2)}x`]);
  row(`IGE decrypt ${label}`, fmt(dec));
  row(`  ratios`, [`vs mtcute ${(dec.mtcute! / dec["mtkit node"]!).toFixed(2)}x`, `portable vs gramjs ${(dec.gramjs! / dec["mtkit portable"]!).toFixed(2)}x`]);
  if (size === 1024) {
    const trip = async (p: IgePeer): Promise<number> => ns(() => p.decrypt(p.encrypt(data, key, iv), key, iv));
    const ours = await trip(peers["mtkit node"]!);
    const theirs = await trip(peers.mtcute!);
    row(`IGE round trip 1 KiB (µs)`, [`mtkit node ${(ours / 1e3).toFixed(2)}`, `mtcute ${(theirs / 1e3).toFixed(2)}`, `ratio ${(theirs / ours).toFixed(2)}x`]);
  }
}

const kib = node.randomFill(new Uint8Array(1024));
for (const [name, pick] of [["SHA-1", "sha1"], ["SHA-256", "sha256"]] as const) {
  const ours = await ns(() => node[pick](kib));
  const port = await ns(() => portable[pick](kib));
  const theirs = await ns(() => mtcute[pick](kib));
  row(`${name} 1 KiB`, [`mtkit node ${mbps(1024, ours)}`, `portable ${mbps(1024, port)}`, `mtcute ${mbps(1024, theirs)}`]);
}

const exponent = node.randomFill(new Uint8Array(256));
const e = BigInt(`0x${Buffer.from(exponent).toString("hex")}`);
const powNode = await ns(() => node.modPow(3n, e, TELEGRAM_DH_PRIME));
const powPortable = await ns(() => portable.modPow(3n, e, TELEGRAM_DH_PRIME));
row(`modPow 2048-bit (ms)`, [`mtkit node ${(powNode / 1e6).toFixed(2)}`, `portable (BigInt) ${(powPortable / 1e6).toFixed(2)}`]);

const { cases } = loadVectors("pq-factorization") as { cases: { pq: string; pq_bytes_be: string }[] };
const pqTimes: number[] = [];
const mtcuteTimes: number[] = [];
for (const c of cases) {
  pqTimes.push((await measure(() => factorizePq(BigInt(c.pq)), { min_cpu_time: 200e6 })).p50);
  const bytes = Uint8Array.from(Buffer.from(c.pq_bytes_be, "hex"));
  mtcuteTimes.push((await measure(() => mtcute.factorizePQ(bytes), { min_cpu_time: 200e6 })).p50);
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
row(`pq factorisation, median of vectors (ms)`, [`mtkit ${(median(pqTimes) / 1e6).toFixed(2)}`, `mtcute ${(median(mtcuteTimes) / 1e6).toFixed(2)}`, `max ${(Math.max(...pqTimes) / 1e6).toFixed(2)}`]);
