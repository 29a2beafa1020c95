// Transport benchmark: sans-IO codec throughput and loopback TCP echo throughput of @mtkit/transport-tcp.
// Run: pnpm --filter @mtkit/bench run bench:transport   (prints MB/s of MTProto payload)
import { createNodeCrypto, createPortableCrypto, type CryptoProvider } from "@mtkit/mtproto-crypto/node";
import {
  ClientConnection,
  ServerConnection,
  createTcpTransport,
  TcpTransportServer,
  type ClientConnectionOptions,
} from "@mtkit/transport-tcp";
import { connect, createServer, type AddressInfo } from "node:net";
import { measure } from "mitata";
import { mtcuteCodecs } from "./transport-peers.js";

const node = createNodeCrypto();
const mtcute = await mtcuteCodecs();
const portable = createPortableCrypto();

/** Mean nanoseconds per call (mitata's adaptive sampling). */
async function ns(fn: () => unknown): Promise<number> {
  return (await measure(fn, { min_cpu_time: 300e6 })).avg;
}

const mbps = (bytes: number, nanos: number): string => ((bytes / nanos) * 1e3).toFixed(0).padStart(6);
const label = (size: number): string => (size >= 1024 * 1024 ? `${size / 1048576} MiB` : `${size / 1024} KiB`);

/** An encrypted-message-shaped packet (24 + 16k bytes) of about `size` bytes. */
function packet(size: number): Uint8Array {
  return node.randomFill(new Uint8Array(24 + Math.max(0, Math.round((size - 24) / 16)) * 16));
}

function pair(
  options: ClientConnectionOptions,
  crypto: CryptoProvider,
): { client: ClientConnection; server: ServerConnection } {
  const client = new ClientConnection({ ...options, crypto, maxPacketLength: 4 << 20 });
  const server = new ServerConnection({ crypto, maxPacketLength: 4 << 20 });
  server.receive(client.takeOutput()!);
  return { client, server };
}

console.log(`node ${process.version}, ${process.arch}; MB/s of packet payload (higher is better)`);
const codecs: [string, ClientConnectionOptions, CryptoProvider][] = [
  ["intermediate", { protocol: "intermediate" }, node],
  ["obfuscated intermediate (node)", { protocol: "intermediate", obfuscation: { dcId: 2 } }, node],
  ["obfuscated intermediate (portable)", { protocol: "intermediate", obfuscation: { dcId: 2 } }, portable],
];
for (const size of [1024, 512 * 1024]) {
  const data = packet(size);
  for (const [name, options, crypto] of codecs) {
    const encoder = pair(options, crypto).client;
    // takeOutputParts is what the carriers use: plain framings hand over header + packet without a copy.
    const encode = await ns(() => {
      encoder.sendPacket(data);
      return encoder.takeOutputParts();
    });
    const { client, server } = pair(options, crypto);
    const roundTrip = await ns(() => {
      client.sendPacket(data);
      return client.takeOutputParts().map((part) => server.receive(part));
    });
    console.log(
      `codec ${name.padEnd(36)} ${label(size).padStart(8)}  encode ${mbps(data.length, encode)}  encode+decode ${mbps(data.length, roundTrip)}`,
    );
  }
  const peerEncode = await ns(() => mtcute.intermediateEncode(data));
  const peerRoundTrip = await ns(() => mtcute.intermediateRoundTrip(data));
  const peerObfuscated = await ns(() => mtcute.obfuscatedEncode(data));
  console.log(
    `codec ${"mtcute intermediate".padEnd(36)} ${label(size).padStart(8)}  encode ${mbps(data.length, peerEncode)}  encode+decode ${mbps(data.length, peerRoundTrip)}`,
  );
  console.log(
    `codec ${"mtcute obfuscated intermediate".padEnd(36)} ${label(size).padStart(8)}  encode ${mbps(data.length, peerObfuscated)}  (no server-side decoder in mtcute)`,
  );
}

// Loopback TCP echo: the client pipelines `count` packets, the server echoes each one back.
const server = await TcpTransportServer.listen({ crypto: node, maxPacketLength: 4 << 20 });
server.onConnection((connection) =>
  connection.subscribe((event) => {
    if (event.type === "packet") void connection.send(event.packet);
  }),
);

async function echo(options: ClientConnectionOptions, size: number, count: number): Promise<number> {
  const transport = createTcpTransport({ ...options, crypto: node, maxPacketLength: 4 << 20 });
  let received = 0;
  let done: () => void = () => undefined;
  transport.subscribe((event) => {
    if (event.type === "packet" && ++received === count) done();
  });
  await transport.connect({ dcId: 2, host: "127.0.0.1", port: server.port });
  const data = packet(size);
  const times: number[] = [];
  for (let round = 0; round < 6; round++) {
    // round 0 warms up
    received = 0;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) void transport.send(data);
    await finished;
    if (round > 0) times.push(Number(process.hrtime.bigint() - start));
  }
  await transport.close();
  times.sort((a, b) => a - b);
  return (data.length * count) / times[2]!; // bytes per ns, median of 5
}

/** Baseline: the same pipelined echo over a bare node:net socket (no framing, no codec). */
async function rawEcho(size: number, count: number): Promise<number> {
  const raw = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
  const socket = connect((raw.address() as AddressInfo).port, "127.0.0.1");
  socket.setNoDelay(true);
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  const data = packet(size);
  const times: number[] = [];
  for (let round = 0; round < 6; round++) {
    // round 0 warms up
    let received = 0;
    const finished = new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        received += chunk.length;
        if (received < data.length * count) return;
        socket.off("data", onData);
        resolve();
      };
      socket.on("data", onData);
    });
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) socket.write(data);
    await finished;
    if (round > 0) times.push(Number(process.hrtime.bigint() - start));
  }
  socket.destroy();
  await new Promise((resolve) => raw.close(resolve));
  times.sort((a, b) => a - b);
  return (data.length * count) / times[2]!;
}

for (const [size, count] of [
  [1024, 4096],
  [512 * 1024, 64],
] as const) {
  const baseline = await rawEcho(size, count);
  console.log(
    `TCP echo ${"raw node:net socket (baseline)".padEnd(32)} ${label(size).padStart(8)} x ${String(count).padStart(4)}  ${(baseline * 1e3).toFixed(0).padStart(6)} MB/s each way`,
  );
  for (const [name, options] of [
    ["intermediate", { protocol: "intermediate" }],
    ["obfuscated intermediate", { protocol: "intermediate", obfuscation: true }],
  ] as const) {
    const bytesPerNs = await echo(options, size, count);
    console.log(
      `TCP echo ${name.padEnd(32)} ${label(size).padStart(8)} x ${String(count).padStart(4)}  ${(bytesPerNs * 1e3).toFixed(0).padStart(6)} MB/s each way  (${(bytesPerNs / baseline).toFixed(2)}x baseline)`,
    );
  }
}
await server.close();
