// "MTProto, measured" (docs/mtproto-measured.md): real API objects, fetched by the client from the
// local test server, as compact TL and as JSON (tl-core's lossless JSON view): bytes, and the time to
// encode and decode each. `pnpm --filter @mtkit/examples exec tsx src/tl-vs-json.ts [rounds]`.
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { installWorld, TestServer } from "@mtkit/test-server";
import { decodeObject, encodeObject, parseTl, stringifyTl, type TlObject } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";

export interface Row {
  readonly name: string;
  readonly tlBytes: number;
  readonly jsonBytes: number;
  /** Microseconds per call. */
  readonly tlEncodeUs: number;
  readonly tlDecodeUs: number;
  readonly jsonEncodeUs: number;
  readonly jsonDecodeUs: number;
}

function perCallUs(rounds: number, run: () => unknown): number {
  for (let i = 0; i < Math.min(rounds, 200); i++) run(); // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) run();
  return Number(process.hrtime.bigint() - start) / 1000 / rounds;
}

export function measure(name: string, object: TlObject, rounds: number): Row {
  const tl = encodeObject(apiRegistry, object);
  const json = stringifyTl(object);
  return {
    name,
    tlBytes: tl.length,
    jsonBytes: new TextEncoder().encode(json).length,
    tlEncodeUs: perCallUs(rounds, () => encodeObject(apiRegistry, object)),
    tlDecodeUs: perCallUs(rounds, () => decodeObject(apiRegistry, tl)),
    jsonEncodeUs: perCallUs(rounds, () => stringifyTl(object)),
    jsonDecodeUs: perCallUs(rounds, () => parseTl(json)),
  };
}

/** Logs a bot in on a 5-DC test server and measures what it gets back. */
export async function measureRealObjects(rounds: number): Promise<Row[]> {
  const crypto = createNodeCrypto();
  const server = await TestServer.start({ dcs: 5, crypto });
  installWorld(server, {
    crypto,
    homeDc: 1,
    bots: [{ token: "1:measure", username: "measure_bot", firstName: "Measure" }],
  });
  const client = new TelegramClient({
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    crypto,
    testServer: server,
  });
  try {
    await client.connect();
    const me = await client.signInBot("1:measure");
    const config = await client.invoke({ _: "help.getConfig" });
    const nearest = await client.invoke({ _: "help.getNearestDc" });
    const full = await client.getFullUser({ _: "inputUserSelf" });
    return [
      measure("nearestDc", nearest, rounds),
      measure("user (getMe)", me, rounds),
      measure("users.userFull", full, rounds),
      measure("config (5 DCs)", config, rounds),
    ];
  } finally {
    await client.disconnect();
    await server.close();
  }
}

export function table(rows: readonly Row[]): string {
  const f = (n: number): string => n.toFixed(2);
  return [
    "| object | TL bytes | JSON bytes | TL encode µs | TL decode µs | JSON encode µs | JSON decode µs |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.tlBytes} | ${r.jsonBytes} | ${f(r.tlEncodeUs)} | ${f(r.tlDecodeUs)} | ${f(r.jsonEncodeUs)} | ${f(r.jsonDecodeUs)} |`,
    ),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  console.log(table(await measureRealObjects(Number(process.argv[2] ?? 20_000))));
}
