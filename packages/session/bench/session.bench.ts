/**
 * Session-layer throughput, in memory (no transport): `pnpm --filter @mtkit/session run bench`.
 * Measures the sans-IO core only: auth-key creation (both roles) and encrypted RPC round trips.
 */
import { createNodeCrypto, generateRsaKeyPair } from "@mtkit/mtproto-crypto/node";
import { apiRegistry } from "@mtkit/tl-core/api";
import {
  ClientHandshake,
  ClientSession,
  MemoryKeyStore,
  ServerConnection,
  ServerHandshake,
  ServerSaltSchedule,
  ServerSessionStore,
  type ServerEvent,
  type SessionEnvironment,
} from "../src/index.js";

const crypto = createNodeCrypto();
const env: SessionEnvironment = {
  crypto,
  now: () => Date.now(),
  randomBytes: (n) => crypto.randomFill(new Uint8Array(n)),
};
const rsa = generateRsaKeyPair(crypto);

function time(label: string, iterations: number, run: () => void): void {
  run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(48)} ${(ms / iterations).toFixed(3).padStart(9)} ms/op ${Math.round((iterations * 1000) / ms)
      .toString()
      .padStart(8)} op/s`,
  );
}

function handshake(): void {
  const client = new ClientHandshake({ env, rsaKeys: [rsa.publicKey], dcId: 2 });
  const server = new ServerHandshake({ env, rsaKeys: [rsa.privateKey] });
  let packet: Uint8Array | undefined = client.start();
  while (packet !== undefined) packet = client.receive(server.receive(packet));
}

const keys = new MemoryKeyStore(() => Math.floor(Date.now() / 1000));
const sessions = new ServerSessionStore();
const salts = new ServerSaltSchedule(() => 1n);
const conn = new ServerConnection({ env, keys, sessions, salts, rsaKeys: [rsa.privateKey], apiRegistry });
const created = new ClientHandshake({ env, rsaKeys: [rsa.publicKey], dcId: 2 });
let p: Uint8Array | undefined = created.start();
while (p !== undefined) {
  const send: ServerEvent | undefined = conn.receive(p).find((e) => e.type === "send");
  p = send?.type === "send" ? created.receive(send.packet) : undefined;
}
const key = created.result!;
const client = new ClientSession({
  env,
  authKey: key.authKey,
  serverSalt: key.serverSalt,
  timeOffsetMs: key.timeOffsetMs,
  apiRegistry,
});

function roundTrip(batch: number): () => void {
  return () => {
    for (let i = 0; i < batch; i++) client.invoke({ _: "help.getNearestDc" });
    for (const packet of client.flush()) {
      for (const e of conn.receive(packet)) {
        if (e.type === "request")
          e.session.sendResult(e.reqMsgId, { _: "nearestDc", country: "NL", thisDc: 2, nearestDc: 2 });
      }
    }
    for (const packet of conn.flush()) client.receive(packet);
  };
}

console.log(`node ${process.version}, crypto provider: ${crypto.name}`);
time("auth key creation, client + server roles", 20, handshake);
time("RPC round trip, 1 request per packet", 2000, roundTrip(1));
time("RPC round trip, 100 requests in a container", 100, roundTrip(100));
