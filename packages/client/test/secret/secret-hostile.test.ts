// A hostile counterparty: every bad packet is rejected with a typed error event and the chat goes on.
import { bigIntToBytes, computeMsgKey, deriveAesKeyIv, int64ToBytesLE, TELEGRAM_DH_PRIME } from "@mtkit/mtproto-crypto";
import { describe, expect, it } from "vitest";
import { answerRequest, beginRequest, completeRequest, SecretChatProtocolError } from "../../src/secret/index.js";
import { encodeLayerMessage } from "../../src/secret/layer-message.js";
import { rawSeqNumbers, wireSeqNumbers } from "../../src/secret/seq-numbers.js";
import { collect, crypto, deliver, dhConfig, errors, makePair, type Pair, texts } from "./core-pair.js";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SecretChatProtocolError) return error.code;
    throw error;
  }
  return "no error";
}

/** Bob's next packet, taken off the wire instead of delivered. */
function nextPacketFromBob(pair: Pair, send: () => void): Uint8Array {
  send();
  collect(pair.bob);
  const packet = pair.bob.outbox.pop();
  if (packet === undefined) throw new Error("bob sent nothing");
  return packet.data;
}

/** Delivers `data` to Alice and checks the error code and that her state did not move. */
function expectRejected(pair: Pair, data: Uint8Array, code: string): void {
  const before = structuredClone(pair.alice.core.state);
  pair.alice.core.receive(data);
  collect(pair.alice);
  expect(errors(pair.alice)).toEqual([code]);
  expect(pair.alice.core.state).toEqual(before);
  expect(pair.alice.outbox).toEqual([]);
}

function ready(): Pair {
  const pair = makePair();
  pair.alice.core.sendText("hello");
  deliver(pair.alice, pair.bob);
  return pair;
}

/** Afterwards the chat still works: Alice's next message reaches Bob. */
function expectChatAlive(pair: Pair): void {
  pair.alice.core.sendText("still here");
  deliver(pair.alice, pair.bob);
  expect(texts(pair.bob).at(-1)).toBe("still here");
}

describe("secret chat core against a hostile peer", () => {
  const p = TELEGRAM_DH_PRIME;
  const one = bigIntToBytes(1n, 256);
  const pMinusOne = bigIntToBytes(p - 1n, 256);

  it("rejects g_a / g_b of 1 or p - 1 when the chat is created", () => {
    const config = dhConfig();
    const half = beginRequest(crypto, config);
    for (const bad of [one, pMinusOne, new Uint8Array(0), new Uint8Array(300)]) {
      expect(codeOf(() => completeRequest(crypto, config.params, half, bad, 0n))).toBe("DH_VALUE_OUT_OF_RANGE");
      expect(codeOf(() => answerRequest(crypto, config, bad))).toBe("DH_VALUE_OUT_OF_RANGE");
    }
  });

  it("rejects a chat whose key fingerprint differs from the computed key", () => {
    const config = dhConfig();
    const half = beginRequest(crypto, config);
    const answer = answerRequest(crypto, config, half.publicValue);
    expect(codeOf(() => completeRequest(crypto, config.params, half, answer.gB, answer.shared.fingerprint ^ 1n))).toBe(
      "KEY_FINGERPRINT_MISMATCH",
    );
  });

  it("aborts a re-key whose AcceptKey carries g_b of 1 or p - 1, keeping the old key", () => {
    for (const gB of [one, pMinusOne]) {
      const pair = ready();
      const key = pair.alice.core.fingerprint;
      pair.alice.core.rekey();
      collect(pair.alice);
      pair.alice.outbox.length = 0; // Bob never sees the request
      const state = pair.alice.core.state.rekey;
      const exchangeId = state.phase === "requested" ? state.exchangeId : 0n;
      pair.bob.core.sendService({ _: "decryptedMessageActionAcceptKey", exchangeId, gB, keyFingerprint: 1n });
      deliver(pair.bob, pair.alice);
      expect(errors(pair.alice)).toEqual(["DH_VALUE_OUT_OF_RANGE"]);
      expect(pair.alice.core.state.rekey.phase).toBe("idle");
      expect(pair.alice.core.fingerprint).toBe(key);
      expect(pair.alice.outbox).toHaveLength(1); // the AbortKey
    }
  });

  it("rejects a packet naming another key", () => {
    const pair = ready();
    const data = nextPacketFromBob(pair, () => pair.bob.core.sendText("x"));
    data.set(int64ToBytesLE(12345n), 0);
    expectRejected(pair, data, "UNKNOWN_KEY");
    expectChatAlive(pair);
  });

  it("rejects a tampered msg_key and tampered ciphertext", () => {
    const pair = ready();
    const data = nextPacketFromBob(pair, () => pair.bob.core.sendText("x"));
    const badKey = data.slice();
    badKey[10]! ^= 1;
    expectRejected(pair, badKey, "TAMPERED");
    pair.alice.events.length = 0;
    const badBody = data.slice();
    badBody[badBody.length - 1]! ^= 0x80;
    expectRejected(pair, badBody, "TAMPERED");
    pair.alice.events.length = 0;
    pair.alice.core.receive(data); // the genuine one still goes through
    collect(pair.alice);
    expect(texts(pair.alice)).toEqual(["x"]);
  });

  it("rejects padding outside 12..1024 bytes even under a valid msg_key", () => {
    const pair = ready();
    const s = pair.bob.core.state;
    const seq = wireSeqNumbers("responder", s.localIn, s.localOut);
    const tl = encodeLayerMessage(crypto, 144, seq.inSeqNo, seq.outSeqNo, {
      _: "decryptedMessage",
      randomId: 5n,
      ttl: 0,
      message: "pad",
    });
    const padding = ((16 - ((4 + tl.length) % 16)) % 16) + 1040;
    const plain = new Uint8Array(4 + tl.length + padding);
    new DataView(plain.buffer).setInt32(0, tl.length, true);
    plain.set(tl, 4);
    const msgKey = computeMsgKey(crypto, s.key.key, plain, 8);
    const aes = deriveAesKeyIv(crypto, s.key.key, msgKey, 8);
    const data = new Uint8Array([
      ...int64ToBytesLE(s.key.fingerprint),
      ...msgKey,
      ...crypto.aesIgeEncrypt(plain, aes.key, aes.iv),
    ]);
    expectRejected(pair, data, "BAD_PADDING");
  });

  it("drops a replayed message", () => {
    const pair = ready();
    const data = nextPacketFromBob(pair, () => pair.bob.core.sendText("once"));
    pair.alice.core.receive(data);
    collect(pair.alice);
    pair.alice.events = pair.alice.events.filter((event) => event.type !== "message");
    expectRejected(pair, data, "REPLAYED");
    expect(pair.alice.core.state.localIn).toBe(1);
  });

  it("rejects sequence numbers out of range", () => {
    const pair = ready();
    pair.bob.core.state.localIn = 50; // claims to have read 50 of Alice's 1 message
    expectRejected(
      pair,
      nextPacketFromBob(pair, () => pair.bob.core.sendText("x")),
      "SEQ_OUT_OF_RANGE",
    );
    pair.alice.events.length = 0;
    pair.bob.core.state.localIn = 1;
    pair.bob.core.state.localOut = 1_000_000; // a gap no honest peer makes
    expectRejected(
      pair,
      nextPacketFromBob(pair, () => pair.bob.core.sendText("y")),
      "SEQ_GAP_TOO_LARGE",
    );
    expectChatAlive(pair);
  });

  it("treats a mirrored parity as a violation", () => {
    const seq = wireSeqNumbers("originator", 3, 4);
    expect(rawSeqNumbers("originator", seq.inSeqNo, seq.outSeqNo)).toEqual({ rawIn: 3, rawOut: 4 });
    expect(codeOf(() => rawSeqNumbers("responder", seq.inSeqNo, seq.outSeqNo))).toBe("SEQ_PARITY");
  });

  it("rejects a message written in a layer from the future", () => {
    const pair = ready();
    pair.bob.core.state.layer = 999;
    expectRejected(
      pair,
      nextPacketFromBob(pair, () => pair.bob.core.sendText("x")),
      "LAYER_FROM_FUTURE",
    );
    expectChatAlive(pair);
  });

  it("refuses a resend request for 10^9 messages without sending anything", () => {
    const pair = ready();
    const sentBefore = pair.alice.core.state.localOut;
    pair.bob.core.sendService({ _: "decryptedMessageActionResend", startSeqNo: 0, endSeqNo: 2_000_000_000 });
    deliver(pair.bob, pair.alice);
    expect(errors(pair.alice)).toEqual(["RESEND_OUT_OF_RANGE"]);
    expect(pair.alice.outbox).toEqual([]);
    expect(pair.alice.core.state.localOut).toBe(sentBefore);
    expectChatAlive(pair);
  });
});
