import { afterEach, describe, expect, it } from "vitest";
import { apiRegistry } from "@mtkit/tl-core/api";
import type { Transport, TransportListener } from "@mtkit/transport-tcp/transport";
import { createAuthKeyOverTransport, SessionDriver, type SessionDriverEvent } from "../src/index.js";
import { crypto, seededRandom } from "./helpers/env.js";
import { serverRsaKey } from "./helpers/handshake.js";
import { Harness } from "./helpers/harness.js";
import { PipeServer } from "./helpers/pipe-server.js";

// No silent loops: a connection that closes with an error is reported and a request whose answer
// cannot be received fails after bounded tries; a dropped packet makes the driver ask for the
// answers again at once instead of waiting for the dead-connection watchdog.
const address = { dcId: 2, host: "pipe", port: 0 };
const drivers: SessionDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

/** Wraps a transport; while `corruptNext` is set, the next incoming packet gets one byte flipped. */
class CorruptingTransport {
  corruptNext = false;
  constructor(private readonly inner: Transport) {}
  get closed(): boolean {
    return this.inner.closed;
  }
  connect(target: typeof address): Promise<void> {
    return this.inner.connect(target);
  }
  send(packet: Uint8Array): Promise<void> {
    return this.inner.send(packet);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  subscribe(listener: TransportListener): () => void {
    return this.inner.subscribe((event) => {
      if (event.type === "packet" && this.corruptNext) {
        this.corruptNext = false;
        const bad = Uint8Array.from(event.packet);
        bad[12]! ^= 0xff; // inside msg_key: the packet fails the msg_key check
        listener({ type: "packet", packet: bad });
        return;
      }
      listener(event);
    });
  }
}

async function driverOn(
  server: PipeServer,
  transport: CorruptingTransport | Transport,
  events: SessionDriverEvent[],
): Promise<SessionDriver> {
  const env = { crypto, now: () => Date.now(), randomBytes: seededRandom(`hardening-${drivers.length}`) };
  const handshake = server.pipe.createTransport();
  await handshake.connect(address);
  const key = await createAuthKeyOverTransport(handshake, { env, rsaKeys: [serverRsaKey().publicKey], dcId: 2 });
  await handshake.close();
  const driver = new SessionDriver({
    env,
    transport,
    address,
    authKey: key.authKey,
    serverSalt: key.serverSalt,
    timeOffsetMs: key.timeOffsetMs,
    apiRegistry,
    backoff: { initialMs: 5, maxMs: 20 },
    // Far beyond the test timeout: an answer that arrives proves nobody waited for the watchdog.
    deadConnectionTimeoutMs: 600_000,
    onEvent: (event) => events.push(event),
  });
  drivers.push(driver);
  await driver.connect();
  return driver;
}

const realClock = { ms: 0, now: () => Date.now(), advance: () => undefined };
const randomHex = (length: number): string =>
  Array.from(crypto.randomFill(new Uint8Array(length / 2)), (b) => b.toString(16).padStart(2, "0")).join("");

describe("SessionDriver: no silent loops", () => {
  it("an answer over the maximum packet length: connection_lost each time, then CONNECTION_LOST after 3 tries", async () => {
    const harness = new Harness("too-long", realClock);
    const server = new PipeServer(harness);
    let executed = 0;
    harness.handler = (_request, session, reqMsgId) => {
      executed++;
      session.sendError(reqMsgId, 400, randomHex(8000)); // incompressible: stays over 1 KiB
    };
    const events: SessionDriverEvent[] = [];
    const driver = await driverOn(server, server.pipe.createTransport({ maxPacketLength: 1024 }), events);
    await expect(driver.invoke({ _: "help.getNearestDc" })).rejects.toMatchObject({
      name: "SessionError",
      code: "CONNECTION_LOST",
    });
    const lost = events.filter((e) => e.type === "connection-lost");
    expect(lost).toHaveLength(3);
    for (const event of lost) expect(event).toMatchObject({ error: { code: "PACKET_TOO_LONG" } });
    expect(executed).toBe(1); // resent with the same msg_id: answered from the server's cache
  });

  it("a dropped answer packet is asked for again at once (msg_resend_req) and reported", async () => {
    const harness = new Harness("ask-again", realClock);
    const server = new PipeServer(harness);
    const events: SessionDriverEvent[] = [];
    const transport = new CorruptingTransport(server.pipe.createTransport());
    const driver = await driverOn(server, transport, events);
    transport.corruptNext = true;
    const answer = await driver.invoke({ _: "help.getNearestDc" }, { timeoutMs: 5000 });
    expect(answer).toMatchObject({ _: "nearestDc" });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "rejected",
        askedAgain: 1,
        error: expect.objectContaining({ code: "MSG_KEY_MISMATCH" }) as unknown,
      }),
    );
    expect(harness.executed.filter((name) => name.endsWith("getNearestDc"))).toHaveLength(1);
  });
});
