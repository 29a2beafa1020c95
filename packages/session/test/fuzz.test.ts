import { describe, expect, it } from "vitest";
import {
  ClientHandshake,
  decodeContainer,
  encodePlainMessage,
  HandshakeError,
  MessageRejectedError,
  type ClientSession,
} from "../src/index.js";
import { sealMessage } from "../src/core/message-cipher.js";
import { crypto, seededRandom } from "./helpers/env.js";
import { serverRsaKey } from "./helpers/handshake.js";
import { Harness } from "./helpers/harness.js";

const TWO_32 = 2n ** 32n;
const random = seededRandom("fuzz");

/** Random bytes with, half of the time, a real constructor id of a service message or container in front. */
function fuzzBody(): Uint8Array {
  const length = 4 * (1 + (random(1)[0]! % 64));
  const body = random(length);
  const ids = [
    0x73f1f8dc, 0xf35c6d01, 0x3072cfa1, 0xe06046b2, 0xa7eff811, 0xedab447b, 0x62d6b459, 0x276d3ec6, 0x9ec20908,
    0xae500895,
  ];
  if (random(1)[0]! % 2 === 0) new DataView(body.buffer).setUint32(0, ids[random(1)[0]! % ids.length]!, true);
  return body;
}

function expectTyped(run: () => unknown, ...types: (new (...args: never[]) => Error)[]): void {
  try {
    run();
  } catch (error) {
    expect(
      types.some((t) => error instanceof t),
      String(error),
    ).toBe(true);
  }
}

describe("fuzz: hostile input only ever gives typed errors", () => {
  it("client session: 2000 validly encrypted packets with random bodies", () => {
    const h = new Harness("fuzz");
    const client: ClientSession = h.client(h.handshake("fuzz-c"));
    let msgId = BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32 + 1n;
    for (let i = 0; i < 2000; i++) {
      msgId += 4n;
      const packet = sealMessage(
        crypto,
        client.state.authKey,
        { salt: 0n, sessionId: client.state.sessionId, msgId, seqNo: i % 3, body: fuzzBody() },
        "server",
      );
      expectTyped(() => client.receive(packet), MessageRejectedError);
    }
    // Still usable afterwards (once the server's clock has passed the ids forged above).
    h.clock.advance(1000);
    const id = client.invoke({ _: "help.getNearestDc" });
    expect(h.pump(client)).toContainEqual(expect.objectContaining({ type: "result", requestId: id }));
  });

  it("server connection: random packets and validly encrypted random bodies never throw", () => {
    const h = new Harness("fuzz-s");
    const client = h.client(h.handshake("fuzz-sc"));
    for (let i = 0; i < 500; i++) h.conn.receive(random(8 + (random(1)[0]! % 200)));
    let msgId = BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32;
    for (let i = 0; i < 1000; i++) {
      msgId += 4n;
      const packet = sealMessage(
        crypto,
        client.state.authKey,
        {
          salt: client.state.salts.current,
          sessionId: client.state.sessionId,
          msgId,
          seqNo: 2 * i + (i % 2),
          body: fuzzBody(),
        },
        "client",
      );
      h.conn.receive(packet);
      h.conn.flush();
    }
  });

  it("handshakes and containers: random input gives HandshakeError / MessageRejectedError", () => {
    for (let i = 0; i < 300; i++) {
      const client = new ClientHandshake({
        env: { crypto, now: () => 1_780_000_000_000, randomBytes: random },
        rsaKeys: [serverRsaKey().publicKey],
        dcId: 2,
      });
      client.start();
      expectTyped(() => client.receive(encodePlainMessage(5n, fuzzBody())), HandshakeError);
      expectTyped(() => decodeContainer(fuzzBody()), MessageRejectedError);
    }
    const h = new Harness("fuzz-h");
    for (let i = 0; i < 300; i++) {
      const events = h.newConnection().receive(encodePlainMessage(4n, fuzzBody()));
      expect(events.every((e) => e.type === "handshake-failed")).toBe(true);
    }
  });
});
