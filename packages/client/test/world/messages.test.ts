import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { html, md } from "../../src/text/index.js";
import { incoming } from "../../src/events/index.js";
import type { Message } from "../../src/messages/message.js";
import type { Harness } from "../client/harness.js";
import { aliceAndBob, startWorld, waitFor } from "./world-harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startWorld();
});
afterAll(async () => {
  await h.close();
});

describe.each(["tcp", "ws"] as const)("messages over %s", (transport) => {
  const pair = aliceAndBob(() => h, transport);

  it("sendText with html entities in UTF-16; the other side gets newMessage", async () => {
    const received = waitFor<Message>((push) => pair.bob.on("newMessage", push, incoming));
    const sent = await pair.alice.sendText("@bob", html`👋 <b>bold</b> ${"<not a tag>"}`);
    expect(sent).toMatchObject({ text: "👋 bold <not a tag>", outgoing: true, chatType: "private" });
    expect(sent.entities).toEqual([{ _: "messageEntityBold", offset: 3, length: 4 }]);
    const got = await received;
    expect(got).toMatchObject({ text: "👋 bold <not a tag>", outgoing: false, chatType: "private" });
    expect(got.entities).toEqual(sent.entities);
    expect(got.senderId).toBe(got.chatId);
    expect(structuredClone(got)).toEqual(got);
  });

  it("a plain string is sent as written; parseMode is explicit", async () => {
    expect((await pair.alice.sendText("@bob", "*not bold*")).entities).toEqual([]);
    expect((await pair.alice.sendText("@bob", "*bold*", { parseMode: "markdown" })).entities).toEqual([
      { _: "messageEntityBold", offset: 0, length: 4 },
    ]);
    expect((await pair.alice.sendText("@bob", md`_${"*x*"}_`)).text).toBe("*x*");
  });

  it("replyTo, editMessage, getMessages", async () => {
    const first = await pair.alice.sendText("@bob", "first");
    const reply = await pair.alice.sendText("@bob", "second", { replyTo: first.id, silent: true });
    expect(reply.replyToId).toBe(first.id);
    const edited = waitFor<Message>((push) => pair.bob.on("editMessage", push));
    const after = await pair.alice.editMessage("@bob", first.id, "<i>first, edited</i>", { parseMode: "html" });
    expect(after).toMatchObject({ id: first.id, text: "first, edited" });
    expect(after.editDate).not.toBeNull();
    expect((await edited).text).toBe("first, edited");
    const [one, missing, two] = await pair.alice.getMessages("@bob", [first.id, 999_999, reply.id]);
    expect(one?.text).toBe("first, edited");
    expect(missing).toBeNull();
    expect(two?.replyToId).toBe(first.id);
  });

  it("getHistory pages with a cursor; iterHistory walks them all", async () => {
    const chat = await pair.bob.resolvePeer("@alice");
    const texts = ["h1", "h2", "h3", "h4", "h5"];
    for (const text of texts) await pair.bob.sendText(chat, text);
    const page = await pair.alice.getHistory("@bob", { limit: 2 });
    expect(page.messages.map((m) => m.text)).toEqual(["h5", "h4"]);
    expect(page.next).not.toBeNull();
    const page2 = await pair.alice.getHistory("@bob", { ...page.next, limit: 2 });
    expect(page2.messages.map((m) => m.text)).toEqual(["h3", "h2"]);
    const all: string[] = [];
    for await (const message of pair.alice.iterHistory("@bob", { chunkSize: 2, limit: 7 })) all.push(message.text);
    expect(all.slice(0, 5)).toEqual(["h5", "h4", "h3", "h2", "h1"]);
    expect(all).toHaveLength(7);
    const everything: Message[] = [];
    for await (const message of pair.alice.iterHistory("@bob", { chunkSize: 3 })) everything.push(message);
    expect(new Set(everything.map((m) => m.id)).size).toBe(everything.length);
    expect(everything.length).toBeGreaterThanOrEqual(10);
  });

  it("readHistory and deleteMessages (revoke reaches the other side)", async () => {
    const doomed = await pair.alice.sendText("@bob", "delete me");
    await pair.bob.readHistory("@alice");
    const deleted = waitFor<{ ids: readonly number[] }>((push) => pair.bob.on("deleteMessages", push));
    expect(await pair.alice.deleteMessages("@bob", [doomed.id])).toBe(1);
    expect((await deleted).ids).toHaveLength(1);
    expect(await pair.alice.getMessages("@bob", [doomed.id])).toEqual([null]);
  });

  it("getDialogs and iterDialogs", async () => {
    const page = await pair.alice.getDialogs();
    const bobDialog = page.dialogs.find((d) => d.title.startsWith("Bob"));
    expect(bobDialog).toMatchObject({ chatType: "private" });
    expect(bobDialog?.topMessage?.text).toBeTypeOf("string");
    const all = [];
    for await (const dialog of pair.alice.iterDialogs({ chunkSize: 1 })) all.push(dialog.chatId);
    expect(all).toEqual(page.dialogs.map((d) => d.chatId));
  });

  it("iterUpdates: a bounded async iterator; break unsubscribes", async () => {
    const texts: string[] = [];
    const loop = (async () => {
      for await (const message of pair.bob.iterUpdates("newMessage", { filter: incoming, bufferSize: 2 })) {
        texts.push(message.text);
        if (texts.length === 3) break;
      }
    })();
    for (const text of ["u1", "u2", "u3"]) await pair.alice.sendText("@bob", text);
    await loop;
    expect(texts).toEqual(["u1", "u2", "u3"]);
  });
});
