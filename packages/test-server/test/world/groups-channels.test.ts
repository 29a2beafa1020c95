import { describe, expect, it } from "vitest";
import { installWorld, TestServer } from "../../src/index.js";
import { worldPerFile } from "../helpers/world-per-file.js";
import { anyNumber, inputPeer, like, loginTestNumber, type WorldClient } from "./world-client.js";

const fixture = worldPerFile({}, { autoDeleteIntervalMs: 0 });
const login = fixture.login;
const inputUser = (client: WorldClient) => ({
  _: "inputUser" as const,
  userId: client.userId,
  accessHash: client.accessHash,
});

describe("basic groups", () => {
  it("createChat posts messageActionChatCreate to every member, each with its own id; messages go out as updateShortChatMessage", async () => {
    const alice = await login("9996611001");
    const bob = await login("9996611002");
    await alice.driver.invoke({
      _: "messages.sendMessage",
      peer: inputPeer(bob),
      message: "before the group",
      randomId: 1n,
    });
    const created = await alice.driver.invoke({ _: "messages.createChat", users: [inputUser(bob)], title: "Team" });
    expect(created.updates).toMatchObject({
      _: "updates",
      updates: [
        {
          _: "updateNewMessage",
          message: { _: "messageService", action: { _: "messageActionChatCreate", title: "Team" }, id: 2, out: true },
        },
      ],
    });
    const chatId = (created.updates as { chats: { id: bigint }[] }).chats[0]!.id;
    // Bob's copy has Bob's next id (his first message was the private one, id 1).
    await expect
      .poll(() => bob.pushed, { timeout: 5000 })
      .toContainEqual(
        like({
          _: "updates",
          updates: [like({ _: "updateNewMessage", message: like({ id: 2, peerId: { _: "peerChat", chatId } }) })],
        }),
      );
    await alice.driver.invoke({
      _: "messages.sendMessage",
      peer: { _: "inputPeerChat", chatId },
      message: "hello team",
      randomId: 2n,
    });
    await expect
      .poll(() => bob.pushed, { timeout: 5000 })
      .toContainEqual(
        like({ _: "updateShortChatMessage", chatId, fromId: alice.userId, message: "hello team", id: 3 }),
      );
    const full = await bob.driver.invoke({ _: "messages.getFullChat", chatId });
    expect(full.fullChat).toMatchObject({
      _: "chatFull",
      participants: { participants: [{ _: "chatParticipantCreator" }, { _: "chatParticipant", userId: bob.userId }] },
    });
  });
});

describe("edit, delete, read, forward, dialogs", () => {
  it("each change is a pts event on both sides", async () => {
    const carol = await login("9996612001");
    const dave = await login("9996612002");
    const sent = await carol.driver.invoke({
      _: "messages.sendMessage",
      peer: inputPeer(dave),
      message: "typo",
      randomId: 5n,
    });
    const id = (sent as { id: number }).id;
    const edited = await carol.driver.invoke({
      _: "messages.editMessage",
      peer: inputPeer(dave),
      id,
      message: "fixed",
    });
    expect(edited).toMatchObject({
      updates: [{ _: "updateEditMessage", message: { message: "fixed", editDate: anyNumber } }],
    });
    await expect
      .poll(() => dave.pushed, { timeout: 5000 })
      .toContainEqual(like({ updates: [like({ _: "updateEditMessage" })] }));
    const read = await dave.driver.invoke({ _: "messages.readHistory", peer: inputPeer(carol), maxId: 0 });
    expect(read).toMatchObject({ _: "messages.affectedMessages", ptsCount: 1 });
    await expect
      .poll(() => carol.pushed, { timeout: 5000 })
      .toContainEqual(like({ updates: [like({ _: "updateReadHistoryOutbox", maxId: id })] }));
    const forwarded = await dave.driver.invoke({
      _: "messages.forwardMessages",
      fromPeer: inputPeer(carol),
      id: [1],
      randomId: [9n],
      toPeer: { _: "inputPeerSelf" },
    });
    expect(forwarded).toMatchObject({
      updates: [
        { _: "updateMessageID", randomId: 9n },
        { _: "updateNewMessage", message: { fwdFrom: { fromId: { userId: carol.userId } } } },
      ],
    });
    const dialogs = await dave.driver.invoke({
      _: "messages.getDialogs",
      offsetDate: 0,
      offsetId: 0,
      offsetPeer: { _: "inputPeerEmpty" },
      limit: 1,
      hash: 0n,
    });
    expect(dialogs).toMatchObject({ _: "messages.dialogsSlice", count: 2 });
    const deleted = await carol.driver.invoke({ _: "messages.deleteMessages", revoke: true, id: [id] });
    expect(deleted).toMatchObject({ _: "messages.affectedMessages", ptsCount: 1 });
    await expect
      .poll(() => dave.pushed, { timeout: 5000 })
      .toContainEqual(like({ updates: [like({ _: "updateDeleteMessages", messages: [1] })] }));
  });

  it("a message with the chat's ttl_period disappears when due, announced as a deletion", async () => {
    let now = Date.now();
    const ttlServer = await TestServer.start();
    const ttlWorld = installWorld(ttlServer, { now: () => now, autoDeleteIntervalMs: 0 });
    const clients: WorldClient[] = [];
    try {
      const erin = await loginTestNumber(ttlServer, "9996613001");
      const frank = await loginTestNumber(ttlServer, "9996613002");
      clients.push(erin, frank);
      await erin.driver.invoke({ _: "messages.setHistoryTTL", peer: inputPeer(frank), period: 60 });
      const sent = await erin.driver.invoke({
        _: "messages.sendMessage",
        peer: inputPeer(frank),
        message: "soon gone",
        randomId: 1n,
      });
      expect(sent).toMatchObject({ ttlPeriod: 60 });
      now += 61_000;
      expect(ttlWorld.expireDue()).toBe(2);
      await expect
        .poll(() => frank.pushed, { timeout: 5000 })
        .toContainEqual(like({ updates: [like({ _: "updateDeleteMessages" })] }));
      const history = await frank.driver.invoke({
        _: "messages.getHistory",
        peer: inputPeer(erin),
        offsetId: 0,
        offsetDate: 0,
        addOffset: 0,
        limit: 10,
        maxId: 0,
        minId: 0,
        hash: 0n,
      });
      expect((history as { messages: { _: string }[] }).messages.map((m) => m._)).toEqual(["messageService"]);
    } finally {
      await Promise.all(clients.map((client) => client.driver.close()));
      await ttlServer.close();
      ttlWorld.close();
    }
  });
});

describe("channels", () => {
  it("a seeded supergroup: posts reach online members, offline ones catch up with getChannelDifference", async () => {
    const gina = await login("9996614001");
    const hugo = await login("9996614002");
    const channel = fixture.world.addChannel({
      title: "Big",
      memberIds: [gina.userId, hugo.userId],
      generatedMembers: 1000,
    });
    const input = { _: "inputChannel" as const, channelId: channel.id, accessHash: channel.accessHash };
    const peer = { _: "inputPeerChannel" as const, channelId: channel.id, accessHash: channel.accessHash };
    const full = await hugo.driver.invoke({ _: "channels.getFullChannel", channel: input });
    const pts = (full.fullChat as { pts: number }).pts;
    await gina.driver.invoke({ _: "messages.sendMessage", peer, message: "post 1", randomId: 1n });
    await expect
      .poll(() => hugo.pushed, { timeout: 5000 })
      .toContainEqual(like({ updates: [like({ _: "updateNewChannelMessage", pts: pts + 1, ptsCount: 1 })] }));
    await hugo.driver.close();
    for (let i = 2; i <= 5; i++)
      await gina.driver.invoke({ _: "messages.sendMessage", peer, message: `post ${i}`, randomId: BigInt(i) });
    const back = await login("9996614002");
    const slice = await back.driver.invoke({
      _: "updates.getChannelDifference",
      channel: input,
      filter: { _: "channelMessagesFilterEmpty" },
      pts: pts + 1,
      limit: 2,
    });
    expect(slice).toMatchObject({
      _: "updates.channelDifference",
      pts: pts + 3,
      newMessages: [{ message: "post 2" }, { message: "post 3" }],
    });
    expect((slice as { final?: boolean }).final).not.toBe(true);
    const rest = await back.driver.invoke({
      _: "updates.getChannelDifference",
      channel: input,
      filter: { _: "channelMessagesFilterEmpty" },
      pts: pts + 3,
      limit: 100,
    });
    expect(rest).toMatchObject({
      final: true,
      pts: pts + 5,
      newMessages: [{ message: "post 4" }, { message: "post 5" }],
    });
    await expect(
      back.driver.invoke({
        _: "updates.getChannelDifference",
        channel: input,
        filter: { _: "channelMessagesFilterEmpty" },
        pts: pts + 5,
        limit: 100,
      }),
    ).resolves.toMatchObject({ _: "updates.channelDifferenceEmpty", final: true });
    fixture.server.faults.updates.forceChannelDifferenceTooLong();
    await expect(
      back.driver.invoke({
        _: "updates.getChannelDifference",
        channel: input,
        filter: { _: "channelMessagesFilterEmpty" },
        pts: 1,
        limit: 10,
      }),
    ).resolves.toMatchObject({ _: "updates.channelDifferenceTooLong", dialog: { pts: pts + 5 } });
    const members = await back.driver.invoke({
      _: "channels.getParticipants",
      channel: input,
      filter: { _: "channelParticipantsRecent" },
      offset: 0,
      limit: 500,
      hash: 0n,
    });
    expect(members).toMatchObject({ count: 1003 });
    expect((members as { participants: unknown[] }).participants).toHaveLength(200);
  });

  it("createChannel, invite, join, leave", async () => {
    const ivan = await login("9996615001");
    const judy = await login("9996615002");
    const created = await ivan.driver.invoke({
      _: "channels.createChannel",
      broadcast: true,
      title: "News",
      about: "",
    });
    const channel = (created as { chats: { id: bigint; accessHash: bigint }[] }).chats[0]!;
    const input = { _: "inputChannel" as const, channelId: channel.id, accessHash: channel.accessHash };
    await expect(judy.driver.invoke({ _: "channels.joinChannel", channel: input })).resolves.toMatchObject({
      _: "messages.chatInviteJoinResultOk",
    });
    await expect(
      judy.driver.invoke({
        _: "messages.sendMessage",
        peer: { _: "inputPeerChannel", channelId: channel.id, accessHash: channel.accessHash },
        message: "x",
        randomId: 1n,
      }),
    ).rejects.toThrow(/CHAT_ADMIN_REQUIRED/);
    await judy.driver.invoke({ _: "channels.leaveChannel", channel: input });
    await ivan.driver.invoke({ _: "channels.inviteToChannel", channel: input, users: [inputUser(judy)] });
    const named = fixture.world.addChannel({ title: "Named", username: "Named_Group" });
    await expect(judy.driver.invoke({ _: "contacts.resolveUsername", username: "named_group" })).resolves.toMatchObject(
      { peer: { _: "peerChannel", channelId: named.id }, chats: [{ _: "channel", left: true }] },
    );
    const admins = await ivan.driver.invoke({
      _: "channels.getParticipants",
      channel: input,
      filter: { _: "channelParticipantsAdmins" },
      offset: 0,
      limit: 10,
      hash: 0n,
    });
    expect(admins).toMatchObject({ count: 1, participants: [{ _: "channelParticipantCreator", userId: ivan.userId }] });
  });
});
