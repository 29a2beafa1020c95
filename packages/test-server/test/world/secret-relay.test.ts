// The secret-chat relay over real sockets, driven by raw API calls: what the server checks and keeps.
import { bigIntToBytes, TELEGRAM_DH_PRIME } from "@mtkit/mtproto-crypto";
import { describe, expect, it } from "vitest";
import { secretRelayOf } from "../../src/index.js";
import { worldPerFile } from "../helpers/world-per-file.js";
import type { WorldClient } from "./world-client.js";

const fixture = worldPerFile();
const login = fixture.login;

/** The encrypted chats of the updateEncryption updates pushed to a client. */
function pushedChats(client: WorldClient): unknown[] {
  return client.pushed.flatMap((body) =>
    ((body as { updates?: { _: string; chat?: unknown }[] }).updates ?? []).flatMap((u) =>
      u._ === "updateEncryption" ? [u.chat] : [],
    ),
  );
}

// Public values the server can only range-check: any 256-byte number in 1 < x < p - 1.
const G_A = bigIntToBytes(TELEGRAM_DH_PRIME / 3n, 256);
const G_B = bigIntToBytes(TELEGRAM_DH_PRIME / 5n, 256);
const DATA = new Uint8Array(24 + 32).fill(7);

describe("secret-chat relay", () => {
  it("relays a chat through qts and getDifference, checking who may do what", async () => {
    const alice = await login("9996619001");
    const bob = await login("9996619002");
    const eve = await login("9996619003");
    const userBob = { _: "inputUser", userId: bob.userId, accessHash: bob.accessHash } as const;

    await expect(
      alice.driver.invoke({
        _: "messages.requestEncryption",
        userId: userBob,
        randomId: 1,
        gA: bigIntToBytes(1n, 256),
      }),
    ).rejects.toMatchObject({ errorMessage: "DH_G_A_INVALID" });
    const waiting = (await alice.driver.invoke({
      _: "messages.requestEncryption",
      userId: userBob,
      randomId: 1,
      gA: G_A,
    })) as { _: string; id: number; accessHash: bigint };
    expect(waiting._).toBe("encryptedChatWaiting");
    await expect
      .poll(() => pushedChats(bob), { timeout: 5000 })
      .toContainEqual(expect.objectContaining({ _: "encryptedChatRequested", gA: G_A }));
    const peer = { _: "inputEncryptedChat", chatId: waiting.id, accessHash: waiting.accessHash } as const;

    // Only Bob accepts, once; nobody sends before that.
    await expect(
      alice.driver.invoke({ _: "messages.sendEncrypted", peer, randomId: 1n, data: DATA }),
    ).rejects.toMatchObject({ errorMessage: "ENCRYPTION_DECLINED" });
    await expect(
      eve.driver.invoke({ _: "messages.acceptEncryption", peer, gB: G_B, keyFingerprint: 5n }),
    ).rejects.toMatchObject({ errorMessage: "CHAT_ID_INVALID" });
    await expect(
      bob.driver.invoke({
        _: "messages.acceptEncryption",
        peer: { ...peer, accessHash: 1n },
        gB: G_B,
        keyFingerprint: 5n,
      }),
    ).rejects.toMatchObject({ errorMessage: "CHAT_ID_INVALID" });
    const accepted = await bob.driver.invoke({ _: "messages.acceptEncryption", peer, gB: G_B, keyFingerprint: 5n });
    expect(accepted).toMatchObject({ _: "encryptedChat", gAOrB: G_A, keyFingerprint: 5n });
    await expect(
      bob.driver.invoke({ _: "messages.acceptEncryption", peer, gB: G_B, keyFingerprint: 5n }),
    ).rejects.toMatchObject({ errorMessage: "ENCRYPTION_ALREADY_ACCEPTED" });
    await expect
      .poll(() => pushedChats(alice), { timeout: 5000 })
      .toContainEqual(expect.objectContaining({ _: "encryptedChat", gAOrB: G_B }));

    // Bob goes offline; Alice sends twice (the same random_id again is not a third message).
    const state = (await bob.driver.invoke({ _: "updates.getState" })) as { pts: number; qts: number; date: number };
    await expect(
      alice.driver.invoke({ _: "messages.sendEncrypted", peer, randomId: 2n, data: DATA.subarray(0, 30) }),
    ).rejects.toMatchObject({ errorMessage: "DATA_INVALID" });
    await alice.driver.invoke({ _: "messages.sendEncrypted", peer, randomId: 2n, data: DATA });
    await alice.driver.invoke({ _: "messages.sendEncrypted", peer, randomId: 2n, data: DATA });
    await alice.driver.invoke({ _: "messages.sendEncryptedService", peer, randomId: 3n, data: DATA });
    const difference = (await bob.driver.invoke({
      _: "updates.getDifference",
      pts: state.pts,
      qts: state.qts,
      date: state.date,
    })) as {
      _: string;
      newEncryptedMessages: { _: string; randomId: bigint }[];
      state: { qts: number };
    };
    expect(difference._).toBe("updates.difference");
    expect(difference.newEncryptedMessages.map((m) => [m._, m.randomId])).toEqual([
      ["encryptedMessage", 2n],
      ["encryptedMessageService", 3n],
    ]);
    expect(difference.state.qts).toBe(state.qts + 2);

    // receivedQueue empties the queue; discard with history closes the chat for both.
    await bob.driver.invoke({ _: "messages.receivedQueue", maxQts: difference.state.qts });
    expect(secretRelayOf(fixture.world.world).after(bob.userId, 0)).toEqual([]);
    expect(
      await alice.driver.invoke({ _: "messages.discardEncryption", chatId: waiting.id, deleteHistory: true }),
    ).toBe(true);
    await expect
      .poll(() => pushedChats(bob), { timeout: 5000 })
      .toContainEqual({ _: "encryptedChatDiscarded", id: waiting.id, historyDeleted: true });
    await expect(
      bob.driver.invoke({ _: "messages.sendEncrypted", peer, randomId: 9n, data: DATA }),
    ).rejects.toMatchObject({ errorMessage: "ENCRYPTION_DECLINED" });
  });

  it("answers getDhConfig with the verified prime once, then dhConfigNotModified", async () => {
    const carol = await login("9996619004");
    const first = (await carol.driver.invoke({ _: "messages.getDhConfig", version: 0, randomLength: 256 })) as {
      _: string;
      p: Uint8Array;
      version: number;
      random: Uint8Array;
    };
    expect(first._).toBe("messages.dhConfig");
    expect(first.random).toHaveLength(256);
    expect(first.p).toEqual(bigIntToBytes(TELEGRAM_DH_PRIME, 256));
    const again = (await carol.driver.invoke({
      _: "messages.getDhConfig",
      version: first.version,
      randomLength: 16,
    })) as { _: string; random: Uint8Array };
    expect(again).toMatchObject({ _: "messages.dhConfigNotModified" });
    expect(again.random).toHaveLength(16);
    await expect(
      carol.driver.invoke({ _: "messages.getDhConfig", version: 0, randomLength: 100_000 }),
    ).rejects.toMatchObject({ errorMessage: "RANDOM_LENGTH_INVALID" });
  });
});
