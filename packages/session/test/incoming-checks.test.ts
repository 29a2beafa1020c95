import { describe, expect, it } from "vitest";
import { computeMsgKey, concatBytes, createAuthKey, deriveAesKeyIv } from "@mtkit/mtproto-crypto";
import { apiRegistry } from "@mtkit/tl-core/api";
import { hex, loadVectors } from "@mtkit/test-vectors";
import { gzipSync } from "fflate";
import { ClientSession, encodeContainer, GZIP_MAX_INFLATED, MessageRejectedError } from "../src/index.js";
import { encodeEnvelope } from "../src/core/envelope.js";
import { sealMessage } from "../src/core/message-cipher.js";
import { crypto, testClock, testEnv } from "./helpers/env.js";
import { gzipPackedBytes } from "./helpers/gzip-packed.js";
import { Harness } from "./helpers/harness.js";

const TWO_32 = 2n ** 32n;

interface DecryptVector {
  decrypt_v2: {
    auth_key: string;
    input: string;
    expect: { session_id: string };
    negative_cases_from_mtcute: Record<string, string>;
  }[];
}

describe("incoming message checks (Security Guidelines) on the vector key", () => {
  const v = (loadVectors("mtproto2-message-crypto") as DecryptVector).decrypt_v2[0]!;
  const session = (): ClientSession =>
    new ClientSession({
      env: testEnv(),
      authKey: createAuthKey(crypto, hex(v.auth_key)),
      sessionId: BigInt(v.expect.session_id),
      apiRegistry,
    });
  const cases: [string, string][] = [
    ["invalid_msg_key", "MSG_KEY_MISMATCH"],
    ["invalid_session_id", "SESSION_ID_MISMATCH"],
    ["length_too_long", "BAD_LENGTH"],
    ["length_not_multiple_of_4", "BAD_LENGTH"],
    ["invalid_padding_size", "BAD_PADDING"],
  ];
  for (const [name, code] of cases) {
    it(`${name} -> ${code}`, () => {
      expect(() => session().receive(hex(v.negative_cases_from_mtcute[name]!))).toThrow(
        expect.objectContaining({ code }),
      );
    });
  }

  it("the valid vector message carries an even (client-style) msg_id, which a client must refuse", () => {
    expect(() => session().receive(hex(v.input))).toThrow(expect.objectContaining({ code: "MSG_ID_PARITY" }));
  });

  it("a packet for another auth key is refused", () => {
    const other = hex(v.input);
    other[0]! ^= 1;
    expect(() => session().receive(other)).toThrow(expect.objectContaining({ code: "AUTH_KEY_ID_MISMATCH" }));
  });

  it("short and garbage packets give typed errors", () => {
    expect(() => session().receive(new Uint8Array(10))).toThrow(MessageRejectedError);
    expect(() => session().receive(new Uint8Array(0))).toThrow(MessageRejectedError);
  });
});

describe("incoming message checks in a live session: rejected, and the session stays usable", () => {
  /** A server-to-client packet forged with the session's own key (as a man in the middle cannot). */
  function forge(
    h: Harness,
    client: ClientSession,
    fields: { msgId?: bigint; sessionId?: bigint; body?: Uint8Array },
  ): Uint8Array {
    const msgId = fields.msgId ?? BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32 + 1n;
    const envelope = {
      salt: 0n,
      sessionId: fields.sessionId ?? client.state.sessionId,
      msgId,
      seqNo: 0,
      body: fields.body ?? Uint8Array.of(0xc5, 0x73, 0x77, 0x34, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), // pong
    };
    return sealMessage(crypto, client.state.authKey, envelope, "server");
  }

  function liveSession(seed: string): { h: Harness; client: ClientSession } {
    const h = new Harness(seed, testClock());
    const client = h.client(h.handshake(`${seed}-c`));
    client.invoke({ _: "help.getNearestDc" });
    h.pump(client);
    return { h, client };
  }

  function stillWorks(h: Harness, client: ClientSession): void {
    const id = client.invoke({ _: "help.getNearestDc" });
    expect(h.pump(client)).toContainEqual(expect.objectContaining({ type: "result", requestId: id }));
  }

  it("tampered ciphertext or msg_key -> MSG_KEY_MISMATCH", () => {
    const { h, client } = liveSession("tamper");
    client.ping();
    for (const p of client.flush()) h.deliverToServer(p);
    const [packet] = h.conn.flush();
    for (const offset of [10, 40, packet!.length - 1]) {
      const bad = packet!.slice();
      bad[offset]! ^= 0x80;
      expect(() => client.receive(bad)).toThrow(expect.objectContaining({ code: "MSG_KEY_MISMATCH" }));
    }
    expect(client.receive(packet!).some((e) => e.type === "pong")).toBe(true);
    stillWorks(h, client);
  });

  it("accepts 0..15 trailing bytes of padded-intermediate transport padding", () => {
    const { h, client } = liveSession("tpad");
    client.ping();
    for (const p of client.flush()) h.deliverToServer(p);
    const [packet] = h.conn.flush();
    const padded = new Uint8Array(packet!.length + 7);
    padded.set(packet!);
    expect(client.receive(padded).some((e) => e.type === "pong")).toBe(true);
  });

  it("replayed packet -> MSG_ID_DUPLICATE", () => {
    const { h, client } = liveSession("replay");
    client.ping();
    for (const p of client.flush()) h.deliverToServer(p);
    const [packet] = h.conn.flush();
    client.receive(packet!);
    expect(() => client.receive(packet!)).toThrow(expect.objectContaining({ code: "MSG_ID_DUPLICATE" }));
    stillWorks(h, client);
  });

  it("other session_id -> SESSION_ID_MISMATCH; even msg_id -> MSG_ID_PARITY", () => {
    const { h, client } = liveSession("sid");
    expect(() => client.receive(forge(h, client, { sessionId: client.state.sessionId + 1n }))).toThrow(
      expect.objectContaining({ code: "SESSION_ID_MISMATCH" }),
    );
    const even = BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32 + 4n;
    expect(() => client.receive(forge(h, client, { msgId: even }))).toThrow(
      expect.objectContaining({ code: "MSG_ID_PARITY" }),
    );
    stillWorks(h, client);
  });

  it("stale (> 300 s old) or future (> 30 s ahead) msg_id is dropped once time is synced", () => {
    const { h, client } = liveSession("stale");
    const seconds = BigInt(Math.floor(h.clock.ms / 1000));
    expect(() => client.receive(forge(h, client, { msgId: (seconds - 301n) * TWO_32 + 1n }))).toThrow(
      expect.objectContaining({ code: "MSG_ID_TOO_OLD" }),
    );
    expect(() => client.receive(forge(h, client, { msgId: (seconds + 31n) * TWO_32 + 1n }))).toThrow(
      expect.objectContaining({ code: "MSG_ID_TOO_NEW" }),
    );
    stillWorks(h, client);
  });

  it("padding outside 12..1024 -> BAD_PADDING (msg_key valid)", () => {
    const { h, client } = liveSession("pad");
    const body = new Uint8Array(24); // 32 + 24 = 56 bytes: aligned paddings are 8, 24, ... 1032
    const msgId = BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32 + 1n;
    const plain = encodeEnvelope({ salt: 0n, sessionId: client.state.sessionId, msgId, seqNo: 0, body });
    for (const padLength of [8, 1032]) {
      const padded = concatBytes(plain, new Uint8Array(padLength));
      const key = client.state.authKey;
      const msgKey = computeMsgKey(crypto, key.key, padded, 8);
      const { key: aesKey, iv } = deriveAesKeyIv(crypto, key.key, msgKey, 8);
      const packet = concatBytes(key.id, msgKey, crypto.aesIgeEncrypt(padded, aesKey, iv));
      expect(() => client.receive(packet)).toThrow(expect.objectContaining({ code: "BAD_PADDING" }));
    }
    stillWorks(h, client);
  });

  it("a bad item in a container is dropped without losing its neighbours", () => {
    const { h, client } = liveSession("items");
    const requestId = client.ping(5n);
    const pingMsgId = [...client.flush()].length > 0 ? client.state.outbox.findByRequestId(requestId)!.msgId! : 0n;
    const seconds = BigInt(Math.floor(h.clock.ms / 1000));
    const pong = new Uint8Array(20);
    const view = new DataView(pong.buffer);
    view.setUint32(0, 0x347773c5, true);
    view.setBigInt64(4, pingMsgId, true);
    view.setBigInt64(12, 5n, true);
    const body = encodeContainer([
      { msgId: seconds * TWO_32 + 8n, seqNo: 2, body: Uint8Array.of(1, 2, 3, 4) }, // even id: rejected
      { msgId: seconds * TWO_32 + 13n, seqNo: 1, body: pong },
    ]);
    const events = client.receive(forge(h, client, { body, msgId: seconds * TWO_32 + 17n }));
    expect(events).toContainEqual(expect.objectContaining({ type: "pong", pingId: 5n }));
  });

  it("a gzip bomb inside a message gives a typed error", () => {
    const { h, client } = liveSession("bomb");
    // 17 MiB of zeros is a ~17 KiB gzip stream: a real bomb, stopped by the running cap.
    const stream = gzipSync(new Uint8Array(GZIP_MAX_INFLATED + 1024 * 1024));
    const body = gzipPackedBytes(stream);
    expect(() => client.receive(forge(h, client, { body }))).toThrow(
      expect.objectContaining({ code: "GZIP_TOO_LARGE" }),
    );
    stillWorks(h, client);
  });
});
