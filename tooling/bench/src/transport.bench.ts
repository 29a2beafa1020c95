// Transport benchmark: sans-IO codec throughput and loopback TCP echo throughput of @mtkit/transport-tcp.
// Run: pnpm --filter @mtkit/bench run bench:transport   (prints MB/s of MTProto payload)
import { createNodeCrypto, createPortableCrypto, type CryptoProvider } from "@mtkit/mtproto-crypto/node";
import { ClientConnection, ServerConnection, createTcpTransport, TcpTransportServer, type ClientConnectionOptions } from "@mtkit/transport-tcp";
import { measure } from "mitata";

const node = createNodeCrypto();
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

function pair(options: ClientConnectionOptions, crypto: CryptoProvider): { client: ClientConnection; server: ServerConnection } {
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
    const encode = await ns(() => {
      encoder.sendPacket(data);
      return encoder.takeOutput();
    });
    const { client, server } = pair(options, crypto);
    const roundTrip = await ns(() => {
      client.sendPacket(data);
      return server.receive(client.takeOutput()!);
    });
    console.log(`codec ${name.padEnd(36)} ${label(size).padStart(8)}  encode ${mbps(data.length, encode)}  encode+decode ${mbps(data.length, roundTrip)}`);
  }
}

// Loopback TCP echo: the client pipelines `count` packets, the server echoes each one back.
const server = await TcpTransportServer.listen({ crypto: node, maxPacketLength: 4 << 20 });
server.onConnection((connection) => connection.subscribe((event) => { if (event.type === "packet") void connection.send(event.packet); }));

async function echo(options: ClientConnectionOptions, size: number, count: number): Promise<number> {
  const transport = createTcpTransport({ ...options, crypto: node, maxPacketLength: 4 << 20 });
  let received = 0;
  let done: () => void = () => undefined;
  transport.subscribe((event) => { if (event.type === "packet" && ++received === count) done(); });
  await transport.connect({ dcId: 2, host: "127.0.0.1", port: server.port });
  const data = packet(size);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    received = 0;
    const finished = new Promise<void>((resolve) => { done = resolve; });
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) void transport.send(data);
    await finished;
    times.push(Number(process.hrtime.bigint() - start));
  }
  await transport.close();
  times.sort((a, b) => a - b);
  return (data.length * count) / times[2]!; // bytes per ns, median of 5
}

for (const [name, options] of [["intermediate", { protocol: "intermediate" }], ["obfuscated intermediate", { protocol: "intermediate", obfuscation: true }]] as const) {
  for (const [size, count] of [[1024, 4096], [512 * 1024, 64]] as const) {
    const bytesPerNs = await echo(options, size, count);
    console.log(`TCP echo ${name.padEnd(32)} ${label(size).padStart(8)} x ${String(count).padStart(4)}  ${(bytesPerNs * 1e3).toFixed(0).padStart(6)} MB/s each way`);
  }
}
await server.close();
