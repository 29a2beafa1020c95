// Issue 12's hostile peer through the real test server: Mallory (hostile-peer.ts) is a logged-in
// client that builds every byte herself; Alice runs the real `client.secretChats()`. Each bad packet
// must give Alice a typed error event, leave her chat state as it was, and the chat must go on.
import { bigIntToBytes, TELEGRAM_DH_PRIME } from "@mtkit/mtproto-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SecretChat, SecretChatProtocolError } from "../../src/secret/index.js";
import { type Harness, startHarness } from "../client/harness.js";
import { HostilePeer } from "./hostile-peer.js";
import { person, type Person } from "./secret-people.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const p = TELEGRAM_DH_PRIME;
const one = bigIntToBytes(1n, 256);
const pMinusOne = bigIntToBytes(p - 1n, 256);

const errorCodes = (alice: Person): string[] => alice.events.flatMap((e) => (e.type === "error" ? [e.error.code] : []));
const texts = (alice: Person): string[] =>
  alice.events.flatMap((e) => (e.type === "chat" && e.event.type === "message" ? [e.event.text] : []));
const text = (message: string) => ({ _: "decryptedMessage", randomId: 1n, ttl: 0, message }) as const;

/** A TL body whose last AES block leaves fewer than 12 bytes to fill (`aligned`): a short padding fits. */
function withShortRoom(mallory: HostilePeer): { tl: Uint8Array; aligned: number } {
  for (let length = 1; ; length++) {
    const tl = mallory.layered(text("p".repeat(length)), mallory.honestSeq());
    const aligned = (16 - ((4 + tl.length) % 16)) % 16;
    if (aligned < 12) return { tl, aligned };
  }
}

async function codeOfRejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof SecretChatProtocolError ? error.code : String(error);
  }
  return "no error";
}

/** Sends a bad packet and checks: one new error event with `code`, and Alice's chat state untouched. */
async function expectRejected(alice: Person, chat: SecretChat, code: string, send: () => Promise<void>): Promise<void> {
  const before = structuredClone(chat.core.state);
  const seen = errorCodes(alice).length;
  await send();
  await expect.poll(() => errorCodes(alice).slice(seen), { timeout: 20_000 }).toEqual([code]);
  expect(chat.core.state).toEqual(before);
}

describe("a hostile peer through the test server, at chat creation", () => {
  it("g_b of 1, of p - 1, below the safe range, and a wrong key fingerprint: refused, and a chat still opens", async () => {
    const alice = await person(h, "+15550691001", "tcp");
    const mallory = await HostilePeer.login(h, "+15550691002", false);
    const peerUser = { _: "inputUser", userId: mallory.userId, accessHash: mallory.accessHash } as const;

    // 1 and p - 1 never pass the server (it checks what it can without the key); Alice is not touched.
    // Rejections are observed at once (codeOfRejection), not when the test gets to them.
    const first = codeOfRejection(alice.chats.request(peerUser));
    await expect(mallory.acceptNext({ gB: one })).rejects.toThrow("DH_G_B_INVALID");
    await expect(mallory.acceptNext({ gB: pMinusOne })).rejects.toThrow("DH_G_B_INVALID");
    expect(errorCodes(alice)).toEqual([]);
    // 2 passes the server's 1 < g_b < p - 1 but not the spec's 2^1984 < g_b < p - 2^1984.
    await mallory.acceptNext({ gB: bigIntToBytes(2n, 256) });
    expect(await first).toBe("DH_VALUE_OUT_OF_RANGE");
    await expect.poll(() => errorCodes(alice), { timeout: 20_000 }).toEqual(["DH_VALUE_OUT_OF_RANGE"]);
    expect(alice.chats.get(mallory.chatId)).toBeUndefined();

    const second = codeOfRejection(alice.chats.request(peerUser));
    await mallory.acceptNext({ keyFingerprint: 0x1234n });
    expect(await second).toBe("KEY_FINGERPRINT_MISMATCH");
    expect(errorCodes(alice)).toEqual(["DH_VALUE_OUT_OF_RANGE", "KEY_FINGERPRINT_MISMATCH"]);

    const third = alice.chats.request(peerUser);
    await mallory.acceptNext();
    const chat = await third;
    await mallory.sendText("an honest chat after all");
    await expect.poll(() => texts(alice), { timeout: 20_000 }).toEqual(["an honest chat after all"]);
    expect(errorCodes(alice)).toHaveLength(2);
    expect(chat.closed).toBe(false);
    await alice.disconnect();
    await mallory.client.disconnect();
  });
});

describe.each(["tcp", "ws"] as const)(
  "a hostile peer through the test server over %s, in an open chat",
  (transport) => {
    const base = transport === "tcp" ? 1 : 2;

    it("every bad packet is refused with a typed error, state intact, and the chat goes on", async () => {
      const alice = await person(h, `+1555069${base}101`, transport);
      const mallory = await HostilePeer.login(h, `+1555069${base}102`, transport === "ws");
      const opened = alice.chats.request({ _: "inputUser", userId: mallory.userId, accessHash: mallory.accessHash });
      await mallory.acceptNext();
      const chat = await opened;

      // A layer from the future announced: the spec's min(ours, theirs), no error.
      await mallory.sendAction({ _: "decryptedMessageActionNotifyLayer", layer: 1_000_000 });
      await expect.poll(() => chat.core.state.layer, { timeout: 20_000 }).toBe(144);

      await expectRejected(alice, chat, "TAMPERED", async () => {
        const data = mallory.seal(mallory.layered(text("x"), mallory.honestSeq()));
        data[10]! ^= 1; // inside msg_key
        await mallory.send(data);
      });
      // Padding must be 12..1024 bytes (https://core.telegram.org/api/end-to-end): 0..11 and 1040+ are sealed
      // with a valid msg_key all the same.
      for (const padding of ["short", "long"] as const) {
        await expectRejected(alice, chat, "BAD_PADDING", () => {
          const { tl, aligned } = withShortRoom(mallory);
          return mallory.send(mallory.seal(tl, padding === "short" ? aligned : aligned + 1040));
        });
      }
      const genuine = await mallory.sendText("once");
      await expect.poll(() => texts(alice), { timeout: 20_000 }).toEqual(["once"]);
      await expectRejected(alice, chat, "REPLAYED", () => mallory.send(genuine));

      const honest = mallory.honestSeq();
      const seqCases = [
        ["SEQ_OUT_OF_RANGE", { inSeqNo: honest.inSeqNo + 100, outSeqNo: honest.outSeqNo }],
        ["SEQ_OUT_OF_RANGE", { inSeqNo: -1, outSeqNo: honest.outSeqNo }],
        ["SEQ_GAP_TOO_LARGE", { inSeqNo: honest.inSeqNo, outSeqNo: honest.outSeqNo + 2_000_000 }],
      ] as const;
      for (const [code, seq] of seqCases)
        await expectRejected(alice, chat, code, () => mallory.send(mallory.seal(mallory.layered(text("seq"), seq))));
      await expectRejected(alice, chat, "LAYER_FROM_FUTURE", () =>
        mallory.send(mallory.seal(mallory.layered(text("future"), mallory.honestSeq(), 1_000_000))),
      );

      // A resend of 10^9 messages: a valid message, so it counts, but nothing is sent back.
      const sentBefore = chat.core.state.localOut;
      const seen = errorCodes(alice).length;
      await mallory.sendAction({ _: "decryptedMessageActionResend", startSeqNo: 0, endSeqNo: 2_000_000_000 });
      await expect.poll(() => errorCodes(alice).slice(seen), { timeout: 20_000 }).toEqual(["RESEND_OUT_OF_RANGE"]);
      expect(chat.core.state.localOut).toBe(sentBefore);

      // A re-key whose AcceptKey carries g_b of 1 or p - 1 is aborted; the old key stays.
      const key = chat.fingerprint;
      for (const gB of [one, pMinusOne]) {
        const before = errorCodes(alice).length;
        const asked = mallory.received().length;
        await chat.rekey();
        await expect.poll(() => mallory.received().length, { timeout: 20_000 }).toBe(asked + 1);
        const request = mallory.received().at(-1);
        const action = request?._ === "decryptedMessageService" ? request.action : undefined;
        if (action?._ !== "decryptedMessageActionRequestKey") throw new Error("expected RequestKey");
        await mallory.sendAction({
          _: "decryptedMessageActionAcceptKey",
          exchangeId: action.exchangeId,
          gB,
          keyFingerprint: 1n,
        });
        await expect
          .poll(() => errorCodes(alice).slice(before), { timeout: 20_000 })
          .toEqual(["DH_VALUE_OUT_OF_RANGE"]);
        await expect
          .poll(() => mallory.received().at(-1), { timeout: 20_000 })
          .toMatchObject({
            action: { _: "decryptedMessageActionAbortKey", exchangeId: action.exchangeId },
          });
        expect(chat.core.state.rekey.phase).toBe("idle");
        expect(chat.fingerprint).toBe(key);
      }

      // The chat goes on both ways, nothing lost and nothing twice.
      await mallory.sendText("still honest");
      await expect.poll(() => texts(alice), { timeout: 20_000 }).toEqual(["once", "still honest"]);
      await chat.send("to mallory");
      await expect
        .poll(() => mallory.received().flatMap((m) => (m._ === "decryptedMessage" ? [m.message] : [])), {
          timeout: 20_000,
        })
        .toEqual(["to mallory"]);

      // Mirrored parity: the spec says the chat must end; Alice closes and discards it, and says why.
      const wrong = { inSeqNo: mallory.honestSeq().inSeqNo - 1, outSeqNo: mallory.honestSeq().outSeqNo + 1 };
      await mallory.send(mallory.seal(mallory.layered(text("mirror"), wrong)));
      await expect
        .poll(
          () =>
            alice.events.flatMap((e) => (e.type === "chat" && e.event.type === "aborted" ? [e.event.error.code] : [])),
          {
            timeout: 20_000,
          },
        )
        .toEqual(["SEQ_PARITY"]);
      expect(chat.closed).toBe(true);
      await expect.poll(() => mallory.discarded, { timeout: 20_000 }).toContain(chat.id);
      expect(texts(alice)).toEqual(["once", "still honest"]);
      await alice.disconnect();
      await mallory.client.disconnect();
    });
  },
);
