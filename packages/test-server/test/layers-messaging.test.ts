import { createRequire } from "node:module";
import { Long } from "@mtcute/core";
import { describe, expect, it } from "vitest";
import { worldPerFile } from "./helpers/world-per-file.js";
import { Api, createGramJsClient, gramJsSignIn } from "./helpers/gramjs.js";
import { mtcuteSignIn, withMtcuteClient } from "./helpers/mtcute.js";

// Issue 16: the answers of messaging, dialogs, channels and difference calls convert to layer 227
// and mtcute's own parser reads them; no answer fails on the server (onError stays empty).
const bigInt = createRequire(import.meta.url)("big-integer") as typeof import("big-integer");
const errors: unknown[] = [];
const fixture = worldPerFile({ onError: (error) => errors.push(error) }, { autoDeleteIntervalMs: 0 });

describe("messaging answers in layer 227 (mtcute)", () => {
  it("send, history, dialogs, a supergroup, getDifference", async () => {
    await withMtcuteClient(fixture.server, async (client) => {
      await mtcuteSignIn(client, "9996610501");
      const state = await client.call({ _: "updates.getState" });
      const answer = await client.call({
        _: "messages.sendMessage",
        peer: { _: "inputPeerSelf" },
        message: "note to self",
        randomId: Long.fromNumber(501),
      });
      expect(answer._).toMatch(/^update/);
      const history = await client.call({
        _: "messages.getHistory",
        peer: { _: "inputPeerSelf" },
        offsetId: 0,
        offsetDate: 0,
        addOffset: 0,
        limit: 10,
        maxId: 0,
        minId: 0,
        hash: Long.ZERO,
      });
      expect(history).toMatchObject({ messages: [{ _: "message", message: "note to self" }] });
      const dialogs = await client.call({
        _: "messages.getDialogs",
        offsetDate: 0,
        offsetId: 0,
        offsetPeer: { _: "inputPeerEmpty" },
        limit: 10,
        hash: Long.ZERO,
      });
      expect(dialogs._).toMatch(/^messages\.dialogs/);
      const created = await client.call({
        _: "channels.createChannel",
        megagroup: true,
        title: "Layer 227",
        about: "",
      });
      expect(created._).toBe("updates");
      const difference = await client.call({ _: "updates.getDifference", pts: state.pts, date: state.date, qts: 0 });
      expect(difference._).toMatch(/^updates\.difference/);
    });
    expect(errors).toEqual([]);
  });

  it("GramJS (layer 198): the same calls, read by GramJS's own parser", async () => {
    const client = createGramJsClient(fixture.server, { connection: "abridged" });
    try {
      await client.connect();
      await gramJsSignIn(client, "9996610502");
      const state = await client.invoke(new Api.updates.GetState());
      await client.invoke(
        new Api.messages.SendMessage({ peer: new Api.InputPeerSelf(), message: "note 198", randomId: bigInt(502) }),
      );
      const history = await client.invoke(
        new Api.messages.GetHistory({
          peer: new Api.InputPeerSelf(),
          offsetId: 0,
          offsetDate: 0,
          addOffset: 0,
          limit: 10,
          maxId: 0,
          minId: 0,
          hash: bigInt(0),
        }),
      );
      if (!("messages" in history)) throw new Error(history.className);
      expect((history.messages[0] as { message?: string } | undefined)?.message).toBe("note 198");
      const dialogs = await client.invoke(
        new Api.messages.GetDialogs({
          offsetDate: 0,
          offsetId: 0,
          offsetPeer: new Api.InputPeerEmpty(),
          limit: 10,
          hash: bigInt(0),
        }),
      );
      expect(dialogs.className).toMatch(/^messages\.Dialogs/);
      const created = await client.invoke(
        new Api.channels.CreateChannel({ megagroup: true, title: "Layer 198", about: "" }),
      );
      expect(created.className).toBe("Updates");
      const difference = await client.invoke(
        new Api.updates.GetDifference({ pts: state.pts, date: state.date, qts: 0 }),
      );
      expect(difference.className).toMatch(/^updates\.Difference/);
    } finally {
      await client.destroy();
    }
    expect(errors).toEqual([]);
  });
});
