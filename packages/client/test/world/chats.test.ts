import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, chatType, command, incoming } from "../../src/events/index.js";
import type { Message } from "../../src/messages/message.js";
import type { TelegramClient } from "../../src/node/index.js";
import type { Harness } from "../client/harness.js";
import { BOT, loginBot, loginUser, startWorld, USERS, waitFor } from "./world-harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startWorld();
  // A supergroup of 200,000 generated members (seeded, no handshakes) that anyone may join.
  h.slice.addChannel({ title: "Big town", username: "bigtown", generatedMembers: 200_000 });
  // Seeding 200,000 members takes a few seconds, and much longer on a loaded 2-core machine.
}, 180_000);
afterAll(async () => {
  await h.close();
});

describe.each(["tcp", "ws"] as const)("chats over %s", (transport) => {
  let alice: TelegramClient;
  let bob: TelegramClient;
  let carol: TelegramClient;
  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([
      loginUser(h, transport, USERS[0].phone),
      loginUser(h, transport, USERS[1].phone),
      loginUser(h, transport, USERS[2].phone),
    ]);
  });
  afterAll(async () => {
    await Promise.all([alice.disconnect(), bob.disconnect(), carol.disconnect()]);
  });

  it("a basic group: create, talk, members, auto-delete timer, forward, leave", async () => {
    const group = await alice.createGroup({ title: `Team ${transport}`, users: ["@bob"] });
    expect(group).toMatchObject({ type: "group", title: `Team ${transport}` });
    expect(group.id).toBeLessThan(0);
    const heard = waitFor<Message>(
      (push) => bob.on("newMessage", push, and(incoming, chatType("group"))),
      (m) => m.text === "hello team",
    );
    await alice.sendText(group.id, "hello team");
    expect((await heard).chatId).toBe(group.id);

    expect(await alice.addChatMembers(group.id, ["@carol"])).toEqual([]);
    const members = await alice.getChatMembers(group.id);
    expect(members.members.map((m) => m.status).sort()).toEqual(["creator", "member", "member"]);

    await alice.setHistoryTtl(group.id, 3600);
    expect((await alice.sendText(group.id, "self-destructs")).ttlPeriod).toBe(3600);

    const original = await bob.sendText("@alice", "worth forwarding");
    const [forwarded] = await alice.forwardMessages(group.id, "@bob", [original.id]);
    expect(forwarded).toMatchObject({ chatId: group.id, text: "worth forwarding" });

    await carol.leaveChat(group.id);
    expect((await alice.getChatMembers(group.id)).members).toHaveLength(2);
  });

  it("a supergroup: create, invite, messages, history, read, delete, members by filter", async () => {
    const supergroup = await alice.createSupergroup({ title: `Square ${transport}`, about: "everyone talks" });
    expect(supergroup.type).toBe("supergroup");
    expect(await alice.addChatMembers(supergroup.id, ["@bob", "@carol"])).toEqual([]);
    const heard = waitFor<Message>(
      (push) => bob.on("newMessage", push, chatType("supergroup")),
      (m) => m.text === "m3",
    );
    for (const text of ["m1", "m2", "m3"]) await alice.sendText(supergroup.id, text);
    expect((await heard).chatId).toBe(supergroup.id);
    const page = await bob.getHistory(supergroup.id, { limit: 2 });
    expect(page.messages.map((m) => m.text)).toEqual(["m3", "m2"]);
    await bob.readHistory(supergroup.id);
    const [first] = await bob.getMessages(supergroup.id, [page.messages[1]!.id]);
    expect(first?.text).toBe("m2");
    expect(await alice.deleteMessages(supergroup.id, [page.messages[0]!.id])).toBe(1);
    const all = [];
    for await (const member of alice.iterChatMembers(supergroup.id, { pageDelayMs: 0, chunkSize: 2 }))
      all.push(member.userId);
    expect(new Set(all).size).toBe(3);
    const found = await alice.getChatMembers(supergroup.id, { query: "car" });
    expect(found.members).toHaveLength(1);
  });

  it("a broadcast channel: create, post", async () => {
    const channel = await alice.createChannel({ title: `News ${transport}` });
    expect(channel.type).toBe("channel");
    const post = await alice.sendText(channel.id, "first post");
    expect(post).toMatchObject({ chatType: "channel", chatId: channel.id });
  });

  it("a 200,000-member supergroup: join by username, pages of 200, the server's total", async () => {
    const town = await carol.joinChat("@bigtown");
    expect(town.type).toBe("supergroup");
    const first = await carol.getChatMembers(town.id);
    expect(first.members).toHaveLength(200);
    expect(first.total).toBeGreaterThanOrEqual(200_000);
    expect(first.next).toBe(200);
    const last = await carol.getChatMembers(town.id, { offset: first.total - 50 });
    expect(last.members).toHaveLength(50);
    expect(last.next).toBeNull();
    // The whole walk runs in the bench; here 10 pages, paced.
    const seen = new Set<number>();
    for await (const member of carol.iterChatMembers(town.id, { limit: 2000, pageDelayMs: 1 })) seen.add(member.userId);
    expect(seen.size).toBe(2000);
    await carol.leaveChat(town.id);
  });

  it("a bot answers a command in a group", async () => {
    const bot = await loginBot(h, transport);
    try {
      const isStart = and(chatType("group"), command("start"));
      bot.on(
        "newMessage",
        async (m) => {
          await bot.sendText(m.chatId, `started by ${String(m.senderId)} with ${m.command.args.join("+")}`, {
            replyTo: m.id,
          });
        },
        isStart,
      );
      const group = await alice.createGroup({ title: `Bots ${transport}`, users: [`@${BOT.username}`, "@bob"] });
      const answer = waitFor<Message>(
        (push) => bob.on("newMessage", push, chatType("group")),
        (m) => m.text.startsWith("started"),
      );
      const me = await alice.getMe();
      const asked = await alice.sendText(group.id, `/start@${BOT.username} a b`);
      const reply = await answer;
      expect(reply).toMatchObject({
        chatId: group.id,
        text: `started by ${String(me.id)} with a+b`,
        replyToId: asked.id,
      });
    } finally {
      await bot.disconnect();
    }
  });
});
