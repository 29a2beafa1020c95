import { describe, expect, it } from "vitest";
import { concatBytes } from "@mtkit/mtproto-crypto";
import type { ClientSession } from "../src/index.js";
import { sealMessage } from "../src/core/message-cipher.js";
import { crypto, testClock } from "./helpers/env.js";
import { Harness } from "./helpers/harness.js";

// A service message that does not decode is a drop with its code, never an update; the inner
// message of msg_copy gets the msg_id checks of any other message.
// https://core.telegram.org/mtproto/service_messages#copy-message
const TWO_32 = 2n ** 32n;

function live(seed: string): { h: Harness; client: ClientSession; nextId: () => bigint } {
  const h = new Harness(seed, testClock());
  const client = h.client(h.handshake(`${seed}-c`));
  client.invoke({ _: "help.getNearestDc" });
  h.pump(client);
  let id = BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32 + 1001n;
  return { h, client, nextId: () => (id += 4n) };
}

function forge(client: ClientSession, msgId: bigint, body: Uint8Array): Uint8Array {
  return sealMessage(
    crypto,
    client.state.authKey,
    { salt: 0n, sessionId: client.state.sessionId, msgId, seqNo: 1, body },
    "server",
  );
}

const le32 = (value: number): Uint8Array => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
};
const le64 = (value: bigint): Uint8Array => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, value, true);
  return out;
};
/** pong#347773c5 msg_id:long ping_id:long */
const pong = (pingId: bigint): Uint8Array => concatBytes(le32(0x347773c5), le64(1n), le64(pingId));
/** msg_copy#e06046b2 orig_message:Message (msg_id, seqno, bytes, body) */
const msgCopy = (innerId: bigint, body: Uint8Array): Uint8Array =>
  concatBytes(le32(0xe06046b2), le64(innerId), le32(1), le32(body.length), body);

describe("service messages that do not decode", () => {
  it("a truncated pong is a drop event with its code, not an update", () => {
    const { client, nextId } = live("svc-truncated");
    const events = client.receive(forge(client, nextId(), pong(5n).subarray(0, 12)));
    expect(events.some((e) => e.type === "update")).toBe(false);
    expect(events).toContainEqual({
      type: "dropped",
      error: expect.objectContaining({ code: "MALFORMED_BODY" }) as unknown,
    });
  });

  it("an unknown constructor (a newer API layer) still reaches the layer above as an update", () => {
    const { client, nextId } = live("svc-unknown");
    const events = client.receive(forge(client, nextId(), concatBytes(le32(0x0badf00d), le32(0))));
    expect(events).toContainEqual(expect.objectContaining({ type: "update", update: undefined }));
  });
});

describe("msg_copy: the inner message is checked like any other", () => {
  it("an inner msg_id with the wrong parity is rejected", () => {
    const { client, nextId } = live("copy-parity");
    const inner = nextId() + 1n; // even
    expect(() => client.receive(forge(client, nextId(), msgCopy(inner, pong(7n))))).toThrow(
      expect.objectContaining({ code: "MSG_ID_PARITY" }),
    );
  });

  it("an inner msg_id seen before is a replay, the first copy is processed", () => {
    const { client, nextId } = live("copy-replay");
    const inner = nextId();
    const first = client.receive(forge(client, nextId(), msgCopy(inner, pong(8n))));
    expect(first.some((e) => e.type === "pong")).toBe(false); // an unknown ping id: no event, but processed
    expect(() => client.receive(forge(client, nextId(), msgCopy(inner, pong(8n))))).toThrow(
      expect.objectContaining({ code: "MSG_ID_DUPLICATE" }),
    );
  });
});
