import { describe, expect, expectTypeOf, it } from "vitest";
import {
  and,
  chatType,
  command,
  incoming,
  not,
  or,
  regex,
  UpdateDispatcher,
  type ParsedCommand,
} from "../../src/events/index.js";
import type { Message } from "../../src/messages/message.js";
import { batch, newMessage, rawMessage } from "./fixtures.js";

const self = () => Promise.resolve({ id: 1, usernames: ["echo_bot"] });

describe("UpdateDispatcher", () => {
  it("turns updates into events, in order, for every matching handler", async () => {
    const dispatcher = new UpdateDispatcher({ self });
    const seen: string[] = [];
    dispatcher.on("newMessage", (m) => void seen.push(`new:${m.text}`));
    dispatcher.on("editMessage", (m) => void seen.push(`edit:${m.text}`));
    dispatcher.on("deleteMessages", (d) => void seen.push(`delete:${d.ids.join(",")}:${String(d.chatId)}`));
    dispatcher.on("rawUpdate", (r) => void seen.push(`raw:${r.update._}`));
    await dispatcher.sink(
      batch([
        newMessage({ text: "a" }),
        {
          _: "updateEditChannelMessage",
          message: rawMessage({ text: "b", peerId: { _: "peerChannel", channelId: 5n } }),
          pts: 2,
          ptsCount: 1,
        },
        { _: "updateDeleteChannelMessages", channelId: 5n, messages: [3, 4], pts: 3, ptsCount: 2 },
        { _: "updateDeleteMessages", messages: [9], pts: 4, ptsCount: 1 },
      ]),
    );
    expect(seen).toEqual([
      "raw:updateNewMessage",
      "new:a",
      "raw:updateEditChannelMessage",
      "edit:b",
      "raw:updateDeleteChannelMessages",
      "delete:3,4:-1000000000005",
      "raw:updateDeleteMessages",
      "delete:9:null",
    ]);
  });

  it("awaits async handlers before the sink resolves", async () => {
    const dispatcher = new UpdateDispatcher();
    let finished = false;
    dispatcher.on("newMessage", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    await dispatcher.sink(batch([newMessage()]));
    expect(finished).toBe(true);
  });

  it("sync and async handlers keep their order: an async one holds the next handler and the next event", async () => {
    const dispatcher = new UpdateDispatcher();
    const seen: string[] = [];
    dispatcher.on("newMessage", (m) => void seen.push(`sync1:${m.text}`));
    dispatcher.on("newMessage", async (m) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`async:${m.text}`);
    });
    dispatcher.on("newMessage", (m) => void seen.push(`sync2:${m.text}`));
    await dispatcher.sink(batch([newMessage({ text: "a" }), newMessage({ text: "b" })]));
    expect(seen).toEqual(["sync1:a", "async:a", "sync2:a", "sync1:b", "async:b", "sync2:b"]);
  });

  it("routes handler and filter errors to onError and keeps going", async () => {
    const errors: unknown[] = [];
    const dispatcher = new UpdateDispatcher({
      onError: (error, { name }) => errors.push([name, (error as Error).message]),
    });
    const texts: string[] = [];
    dispatcher.on("newMessage", () => {
      throw new Error("sync");
    });
    dispatcher.on("newMessage", () => Promise.reject(new Error("async")));
    dispatcher.on(
      "newMessage",
      () => void texts.push("after"),
      () => {
        throw new Error("filter");
      },
    );
    dispatcher.on("newMessage", (m) => void texts.push(m.text));
    await expect(dispatcher.sink(batch([newMessage({ text: "x" })]))).resolves.toBeUndefined();
    expect(errors).toEqual([
      ["newMessage", "sync"],
      ["newMessage", "async"],
      ["newMessage", "filter"],
    ]);
    expect(texts).toEqual(["x"]);
  });

  it("unsubscribes", async () => {
    const dispatcher = new UpdateDispatcher();
    let count = 0;
    const off = dispatcher.on("newMessage", () => void (count += 1));
    await dispatcher.sink(batch([newMessage()]));
    off();
    off();
    await dispatcher.sink(batch([newMessage()]));
    expect(count).toBe(1);
  });

  it("narrows types and attaches the command and the regex match", async () => {
    const dispatcher = new UpdateDispatcher({ self });
    const commands: ParsedCommand[] = [];
    const matches: string[] = [];
    const groupCommand = and(incoming, chatType("group", "supergroup"), command(["start", "help"]));
    dispatcher.on(
      "newMessage",
      (m) => {
        expectTypeOf(m.command).toEqualTypeOf<ParsedCommand>();
        expectTypeOf(m.chatType).toEqualTypeOf<"group" | "supergroup">();
        expectTypeOf(m.outgoing).toEqualTypeOf<false>();
        commands.push(m.command);
      },
      groupCommand,
    );
    dispatcher.on(
      "newMessage",
      (m) => {
        expectTypeOf(m.match).toEqualTypeOf<RegExpExecArray>();
        matches.push(m.match[1] ?? "");
      },
      regex(/order #(\d+)/g),
    );
    const group = { _: "peerChat", chatId: 3n } as const;
    await dispatcher.sink(
      batch([
        newMessage({ text: "/start@echo_bot  a  b", peerId: group, fromId: { _: "peerUser", userId: 9n } }),
        newMessage({ text: "/start@other_bot", peerId: group }),
        newMessage({ text: "/help", peerId: group, out: true }),
        newMessage({ text: "/start", peerId: { _: "peerUser", userId: 9n } }),
        newMessage({ text: "/HELP", peerId: { _: "peerChannel", channelId: 4n } }),
        newMessage({ text: "see order #42 and order #43" }),
        newMessage({ text: "see order #44" }),
      ]),
    );
    expect(commands).toEqual([
      { name: "start", mention: "echo_bot", argsText: "a  b", args: ["a", "b"] },
      { name: "help", mention: null, argsText: "", args: [] },
    ]);
    expect(matches).toEqual(["42", "44"]);
  });

  it("or / not", async () => {
    const dispatcher = new UpdateDispatcher();
    const seen: string[] = [];
    const aOrB = or(regex(/^a/), regex(/^b/));
    dispatcher.on("newMessage", (m) => void seen.push(m.text + m.match[0]), aOrB);
    dispatcher.on("newMessage", (m) => void seen.push(`!${m.text}`), not(regex(/^[ab]/)));
    await dispatcher.sink(batch([newMessage({ text: "a1" }), newMessage({ text: "b1" }), newMessage({ text: "c1" })]));
    expect(seen).toEqual(["a1a", "b1b", "!c1"]);
  });

  it("gives plain messages that survive structuredClone and JSON (except raw)", async () => {
    const dispatcher = new UpdateDispatcher({ self });
    const messages: Message[] = [];
    dispatcher.on("newMessage", (m) => void messages.push(m));
    await dispatcher.sink(
      batch(
        [
          newMessage({
            text: "x",
            out: true,
            peerId: { _: "peerChannel", channelId: 8n },
            fromId: { _: "peerUser", userId: 1n },
          }),
        ],
        {
          chats: [{ _: "channel", id: 8n, megagroup: true, title: "G", photo: { _: "chatPhotoEmpty" }, date: 0 }],
        },
      ),
    );
    const [message] = messages;
    expect(message?.chatType).toBe("supergroup");
    expect(message?.chatId).toBe(-1000000000008);
    expect(structuredClone(message)).toEqual(message);
    const { raw, ...rest } = message!;
    expect(raw._).toBe("message");
    expect(JSON.parse(JSON.stringify(rest))).toEqual(rest);
  });
});

describe("iterUpdates", () => {
  it("yields filtered events and unsubscribes on break", async () => {
    const dispatcher = new UpdateDispatcher();
    const texts: string[] = [];
    const done = (async () => {
      for await (const m of dispatcher.iterUpdates("newMessage", { filter: regex(/^keep/) })) {
        texts.push(m.text);
        if (texts.length === 2) break;
      }
    })();
    await dispatcher.sink(
      batch([
        newMessage({ text: "keep 1" }),
        newMessage({ text: "drop" }),
        newMessage({ text: "keep 2" }),
        newMessage({ text: "keep 3" }),
      ]),
    );
    await done;
    expect(texts).toEqual(["keep 1", "keep 2"]);
    // Unsubscribed: a later batch finds no handler and does not wait.
    await dispatcher.sink(batch([newMessage({ text: "keep 4" })]));
  });

  it("applies backpressure when the buffer is full, losing nothing", async () => {
    const dispatcher = new UpdateDispatcher();
    const iterator = dispatcher.iterUpdates("newMessage", { bufferSize: 2 });
    let delivered = false;
    const sink = dispatcher
      .dispatch(batch([1, 2, 3, 4, 5].map((n) => newMessage({ text: String(n) }))))
      .then(() => (delivered = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(delivered).toBe(false);
    const texts: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result: IteratorResult<Message, undefined> = await iterator.next();
      texts.push(result.done === true ? "" : result.value.text);
    }
    await sink;
    expect(texts).toEqual(["1", "2", "3", "4", "5"]);
    await iterator.return?.();
  });

  it("ends when the signal aborts, releasing a waiting dispatcher", async () => {
    const dispatcher = new UpdateDispatcher();
    const controller = new AbortController();
    const iterator = dispatcher.iterUpdates("newMessage", { bufferSize: 1, signal: controller.signal });
    const sink = dispatcher.sink(batch([newMessage(), newMessage(), newMessage()]));
    controller.abort();
    await sink;
    // The dispatcher hands a synchronous batch over at once, so the one event that fit the buffer
    // before the abort is still read; the loop ends after it instead of waiting for the other two.
    const read: unknown[] = [];
    for await (const event of iterator) read.push(event);
    expect(read.length).toBeLessThanOrEqual(1);
  });
});
