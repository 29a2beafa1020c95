// TL encode/decode of a messages.messages (100 messages + 50 users): mtkit vs mtcute vs GramJS,
// same process, same run. Run: pnpm --filter @mtkit/bench run bench:tl
import { createRequire } from "node:module";
import { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import { Long } from "@mtcute/core";
import { decodeObject, encodeObject, type TlObject } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { Api } from "telegram";
import { BinaryReader } from "telegram/extensions/index.js";
import bigInt from "big-integer";
import { do_not_optimize, measure } from "mitata";
import { plainPayload } from "./tl-fixtures.js";

const require = createRequire(import.meta.url);
// @mtcute/tl ships its generated maps as CommonJS without an exports map.
const { __tlReaderMap } = require("@mtcute/tl/binary/reader.js") as { __tlReaderMap: Parameters<typeof TlBinaryReader.deserializeObject>[0] };
const { __tlWriterMap } = require("@mtcute/tl/binary/writer.js") as { __tlWriterMap: Parameters<typeof TlBinaryWriter.serializeObject>[0] };

const plain = plainPayload();

const mtkitObject = {
  _: "messages.messages",
  messages: plain.messages.map((m) => ({
    _: "message", out: true, id: m.id,
    fromId: { _: "peerUser", userId: BigInt(m.fromUser) }, peerId: { _: "peerUser", userId: BigInt(m.toUser) },
    date: m.date, message: m.text,
    entities: m.entities.map((e) => ({ _: e.kind === "bold" ? "messageEntityBold" : "messageEntityUrl", offset: e.offset, length: e.length })),
  })),
  topics: [],
  chats: [],
  users: plain.users.map((u) => ({
    _: "user", id: BigInt(u.id), accessHash: u.accessHash, firstName: u.firstName, lastName: u.lastName,
    username: u.username, phone: u.phone, status: { _: "userStatusRecently" },
  })),
} as TlObject;

const long = (v: bigint): Long => Long.fromString(v.toString());
const mtcuteObject = {
  _: "messages.messages",
  messages: plain.messages.map((m) => ({
    _: "message", out: true, id: m.id,
    fromId: { _: "peerUser", userId: m.fromUser }, peerId: { _: "peerUser", userId: m.toUser },
    date: m.date, message: m.text,
    entities: m.entities.map((e) => ({ _: e.kind === "bold" ? "messageEntityBold" : "messageEntityUrl", offset: e.offset, length: e.length })),
  })),
  topics: [],
  chats: [],
  users: plain.users.map((u) => ({
    _: "user", id: u.id, accessHash: long(u.accessHash), firstName: u.firstName, lastName: u.lastName,
    username: u.username, phone: u.phone, status: { _: "userStatusRecently" },
  })),
};

const gramjsObject = new Api.messages.Messages({
  messages: plain.messages.map((m) => new Api.Message({
    out: true, id: m.id,
    fromId: new Api.PeerUser({ userId: bigInt(m.fromUser) }), peerId: new Api.PeerUser({ userId: bigInt(m.toUser) }),
    date: m.date, message: m.text,
    entities: m.entities.map((e) => e.kind === "bold" ? new Api.MessageEntityBold(e) : new Api.MessageEntityUrl(e)),
  })),
  chats: [],
  users: plain.users.map((u) => new Api.User({
    id: bigInt(u.id), accessHash: bigInt(u.accessHash.toString()), firstName: u.firstName, lastName: u.lastName,
    username: u.username, phone: u.phone, status: new Api.UserStatusRecently({}),
  })),
});

const mtkitBytes = encodeObject(apiRegistry, mtkitObject);
const mtcuteBytes = TlBinaryWriter.serializeObject(__tlWriterMap, mtcuteObject);
const gramjsBytes = gramjsObject.getBytes();

// Sanity: each library decodes its own bytes back to the same number of messages and users.
const check = decodeObject(apiRegistry, mtkitBytes) as { messages: unknown[]; users: unknown[] };
const mtcuteCheck = TlBinaryReader.deserializeObject<{ messages: unknown[] }>(__tlReaderMap, mtcuteBytes);
const gramjsCheck = new BinaryReader(gramjsBytes).tgReadObject() as { messages: unknown[] };
if (check.messages.length !== 100 || check.users.length !== 50 || mtcuteCheck.messages.length !== 100 || gramjsCheck.messages.length !== 100) {
  throw new Error("payload mismatch");
}

type Case = [library: string, fn: () => unknown];
const groups: [name: string, cases: Case[]][] = [
  ["decode", [
    ["mtkit", () => decodeObject(apiRegistry, mtkitBytes)],
    ["mtcute", () => TlBinaryReader.deserializeObject(__tlReaderMap, mtcuteBytes)],
    ["gramjs", (): unknown => new BinaryReader(gramjsBytes).tgReadObject() as unknown],
  ]],
  ["encode", [
    ["mtkit", () => encodeObject(apiRegistry, mtkitObject)],
    ["mtcute", () => TlBinaryWriter.serializeObject(__tlWriterMap, mtcuteObject)],
    ["gramjs", () => gramjsObject.getBytes()],
  ]],
];

// The machine is shared (other jobs run on its 2 cores), so two measures are taken, libraries in
// turns over several rounds: mitata's wall-clock time, and ops per CPU-second of this process
// (process.cpuUsage, GC threads included), which other jobs disturb much less. Reported: medians;
// ratio = median of the per-round ratios.
const ROUNDS = Number(process.env.TL_BENCH_ROUNDS ?? 5);
const only = process.env.TL_BENCH_ONLY; // "encode" or "decode" to run one group
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

// GramJS leaves a lot of garbage; without a collection before each measurement, whichever library
// runs next pays for it. Needs --expose-gc (the bench scripts pass it).
const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) console.warn("tl.bench: run with --expose-gc for fair figures");

function opsPerCpuSecond(fn: () => unknown, wallMs: number): number {
  collect?.();
  const start = process.cpuUsage();
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < wallMs) {
    do_not_optimize(fn());
    n++;
  }
  const used = process.cpuUsage(start);
  return n / ((used.user + used.system) / 1e6);
}

console.log(`\nTL: messages.messages, 100 messages + 50 users (${mtkitBytes.length} B mtkit / ${mtcuteBytes.length} B mtcute / ${gramjsBytes.length} B GramJS)`);
console.log(`  ${ROUNDS} interleaved rounds per library; medians; "cpu" = ops per CPU-second of this process`);
for (const [name, cases] of groups) {
  if (only !== undefined && only !== name) continue;
  const wall = new Map<string, number[]>(cases.map(([library]) => [library, []]));
  const cpu = new Map<string, number[]>(cases.map(([library]) => [library, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [library, fn] of cases) {
      collect?.();
      const stats = await measure(() => { do_not_optimize(fn()); }, { min_cpu_time: 300e6 });
      wall.get(library)!.push(1e9 / stats.avg);
      cpu.get(library)!.push(opsPerCpuSecond(fn, library === "gramjs" ? 500 : 300));
    }
  }
  const ratio = (series: Map<string, number[]>, library: string): string => {
    const ours = series.get("mtkit")!;
    const theirs = series.get(library)!;
    return `${median(ours.map((o, i) => o / theirs[i]!)).toFixed(2)}x`;
  };
  for (const [library] of cases) {
    const ops = (series: Map<string, number[]>): string => Math.round(median(series.get(library)!)).toLocaleString("en-US").padStart(8);
    const vs = library === "mtkit" ? "" : `   mtkit is ${ratio(wall, library)} (wall), ${ratio(cpu, library)} (cpu)`;
    console.log(`  ${name.padEnd(7)} ${library.padEnd(7)} wall ${ops(wall)} ops/s   cpu ${ops(cpu)} ops/s${vs}`);
  }
}
