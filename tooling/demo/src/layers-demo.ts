// Part 1 of the demo, layer by layer: the test server in-process, then a client made only of the
// lower mtkit packages (tl-core, mtproto-crypto, transport-tcp, session) talks to it over TCP
// (intermediate framing): auth-key creation, initConnection + help.getConfig, ping, a few RPCs.
import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createAuthKeyOverTransport, SessionDriver, type SessionEnvironment } from "@mtkit/session";
import { TestServer } from "@mtkit/test-server";
import { encodeObject, stringifyTl } from "@mtkit/tl-core";
import { apiRegistry, LAYER } from "@mtkit/tl-core/api";
import { createTcpTransport } from "@mtkit/transport-tcp";
import { step } from "./step.js";

const crypto = createNodeCrypto();
const env: SessionEnvironment = { crypto, now: Date.now, randomBytes: (n) => crypto.randomFill(new Uint8Array(n)) };
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

export async function layersDemo(): Promise<void> {
  console.log("Part 1 — layer by layer: transport, auth key, encrypted session\n");

  const server = await step(
    "start test server (1 DC, own RSA key)",
    () => TestServer.start({ dcs: 1 }),
    (s) => {
      const dc = s.endpoints[0]!;
      return `dc${dc.id} at 127.0.0.1:${dc.port}`;
    },
  );
  const dc = server.endpoints[0]!;
  const address = { dcId: dc.id, host: "127.0.0.1", port: dc.port };

  const query = { _: "help.getNearestDc" } as const;
  await step(
    "TL: encode help.getNearestDc",
    () => encodeObject(apiRegistry, query),
    (bytes) => `${bytes.length} bytes: ${hex(bytes)}`,
  );

  const keyTransport = createTcpTransport({ crypto, protocol: "intermediate" });
  await step(
    "TCP connect (intermediate framing)",
    () => keyTransport.connect(address),
    () => "connected",
  );
  const auth = await step(
    "create auth key (req_pq_multi .. dh_gen_ok)",
    () =>
      createAuthKeyOverTransport(keyTransport, {
        env,
        rsaKeys: [parseRsaPublicKeyPem(server.publicKeyPem)],
        dcId: dc.id,
      }),
    (a) => `auth_key_id ${BigInt.asUintN(64, a.authKey.idLong).toString(16)}, time offset ${a.timeOffsetMs} ms`,
  );
  await keyTransport.close();

  const driver = new SessionDriver({
    env,
    transport: createTcpTransport({ crypto, protocol: "intermediate" }),
    address,
    authKey: auth.authKey,
    serverSalt: auth.serverSalt,
    timeOffsetMs: auth.timeOffsetMs,
    apiRegistry,
  });
  await step(
    "open encrypted session",
    () => driver.connect(),
    () => "session ready",
  );

  const config = await step(
    `invokeWithLayer(${LAYER}, initConnection(help.getConfig))`,
    () =>
      driver.invoke({
        _: "invokeWithLayer",
        layer: LAYER,
        query: {
          _: "initConnection",
          apiId: 1,
          deviceModel: "mtkit demo",
          systemVersion: process.platform,
          appVersion: "0.0.0",
          systemLangCode: "en",
          langPack: "",
          langCode: "en",
          query: { _: "help.getConfig" },
        },
      }),
    (c) => `config: this_dc=${c.thisDc}, ${c.dcOptions.length} dc options`,
  );
  await step(
    "ping",
    () => driver.ping(),
    (rtt) => `pong after ${rtt} ms`,
  );
  const nearest = await step(
    "help.getNearestDc",
    () => driver.invoke(query),
    (n) => `nearest dc ${n.nearestDc} (${n.country})`,
  );
  await step(
    "100 x help.getNearestDc in flight",
    () => Promise.all(Array.from({ length: 100 }, () => driver.invoke(query))),
    (r) => `${r.length} answers`,
  );

  console.log("\nThe config as JSON (TL objects are plain, JSON-able objects):");
  console.log(
    stringifyTl({ _: config._, thisDc: config.thisDc, dcOptions: config.dcOptions.slice(0, 2) }).slice(0, 600),
  );
  console.log(`\nnearestDc: ${stringifyTl(nearest)}`);

  await step(
    "close session and server",
    async () => {
      await driver.close();
      await server.close();
    },
    () => "done",
  );
}
