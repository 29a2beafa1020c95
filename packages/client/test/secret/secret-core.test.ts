import { describe, expect, it } from "vitest";
import { MAX_SECRET_LAYER, REKEY_AFTER_MESSAGES, SecretChatCore, visualizeKey } from "../../src/secret/index.js";
import { collect, deliver, errors, makePair, settle, texts } from "./core-pair.js";

describe("secret chat core: two cores exchanging bytes", () => {
  it("both sides derive the same key, fingerprint and visualisation", () => {
    const { alice, bob } = makePair();
    expect(alice.core.fingerprint).toBe(bob.core.fingerprint);
    const a = alice.core.visualization;
    const b = bob.core.visualization;
    expect(a.emoji).toBe(b.emoji);
    expect(a.emoji).toHaveLength(72); // 36 emoji outside the BMP, two UTF-16 units each
    expect(a.grid).toHaveLength(12);
    expect(a.grid.every((row) => row.length === 12 && row.every((cell) => cell >= 0 && cell <= 3))).toBe(true);
    expect(visualizeKey(a.bytes).grid).toEqual(b.grid);
  });

  it("negotiates the layer and exchanges messages both ways in order", () => {
    const pair = makePair();
    pair.alice.core.start();
    settle(pair);
    expect(pair.alice.core.state.layer).toBe(MAX_SECRET_LAYER);
    expect(pair.bob.core.state.layer).toBe(MAX_SECRET_LAYER);
    pair.alice.core.sendText("hi bob");
    pair.bob.core.sendText("hi alice");
    pair.alice.core.sendText("how are you?");
    settle(pair);
    expect(texts(pair.bob)).toEqual(["hi bob", "how are you?"]);
    expect(texts(pair.alice)).toEqual(["hi alice"]);
    expect(errors(pair.alice).concat(errors(pair.bob))).toEqual([]);
  });

  it("keeps sent messages for resends only until the peer's in_seq_no confirms them", () => {
    const pair = makePair();
    pair.alice.core.start();
    settle(pair);
    for (let i = 0; i < 5; i++) pair.alice.core.sendText(`m${String(i)}`);
    settle(pair);
    const before = pair.alice.core.state.outbox.length;
    expect(before).toBeGreaterThanOrEqual(5);
    pair.bob.core.sendText("got them");
    settle(pair);
    // Bob's message says he processed all of Alice's: none is kept any more.
    expect(pair.alice.core.state.outbox.map((entry) => entry.rawOut)).toEqual([]);
    expect(texts(pair.bob)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
  });

  it("holds messages behind a gap, asks for a resend and delivers in order", () => {
    const pair = makePair();
    pair.alice.core.sendText("one");
    pair.alice.core.sendText("two");
    pair.alice.core.sendText("three");
    collect(pair.alice);
    const [one, two, three] = pair.alice.outbox.splice(0);
    pair.bob.core.receive(one!.data);
    pair.bob.core.receive(three!.data); // two is lost
    collect(pair.bob);
    expect(texts(pair.bob)).toEqual(["one"]);
    expect(pair.bob.core.state.held).toHaveLength(1);
    deliver(pair.bob, pair.alice); // the resend request
    deliver(pair.alice, pair.bob); // the resent "two"
    expect(texts(pair.bob)).toEqual(["one", "two", "three"]);
    // The original "two" turns up late: a duplicate, dropped with an event.
    pair.bob.core.receive(two!.data);
    collect(pair.bob);
    expect(texts(pair.bob)).toEqual(["one", "two", "three"]);
    expect(errors(pair.bob)).toEqual(["REPLAYED"]);
  });

  it("re-keys after 100 messages and keeps talking", () => {
    const pair = makePair();
    const first = pair.alice.core.fingerprint;
    for (let i = 0; i <= REKEY_AFTER_MESSAGES; i++) pair.alice.core.sendText(`m${i}`);
    settle(pair);
    expect(pair.alice.core.fingerprint).not.toBe(first);
    expect(pair.alice.core.fingerprint).toBe(pair.bob.core.fingerprint);
    expect(pair.alice.events.filter((e) => e.type === "rekeyed")).toHaveLength(1);
    pair.bob.core.sendText("after");
    pair.alice.core.sendText("after too");
    settle(pair);
    expect(texts(pair.alice).at(-1)).toBe("after");
    expect(texts(pair.bob).at(-1)).toBe("after too");
    expect(pair.alice.core.visualization.emoji).toBe(pair.bob.core.visualization.emoji); // still the first key's
    expect(errors(pair.alice).concat(errors(pair.bob))).toEqual([]);
  });

  it("re-keys once when both sides start at the same time", () => {
    const pair = makePair();
    const first = pair.alice.core.fingerprint;
    expect(pair.alice.core.rekey()).toBe(true);
    expect(pair.bob.core.rekey()).toBe(true);
    pair.alice.core.sendText("crossing");
    pair.bob.core.sendText("crossing too");
    settle(pair);
    expect(pair.alice.core.fingerprint).toBe(pair.bob.core.fingerprint);
    expect(pair.alice.core.fingerprint).not.toBe(first);
    expect(pair.alice.core.state.rekey.phase).toBe("idle");
    expect(pair.bob.core.state.rekey.phase).toBe("idle");
    pair.alice.core.sendText("new key");
    settle(pair);
    expect(texts(pair.bob)).toEqual(["crossing", "new key"]);
    expect(errors(pair.alice).concat(errors(pair.bob))).toEqual([]);
  });

  it("self-destructs a message on both sides once the recipient has read it", () => {
    const pair = makePair();
    const id = pair.alice.core.sendText("burn after reading", { ttl: 5 });
    settle(pair);
    pair.clock.advance(60_000); // unread: nothing happens
    pair.bob.core.tick();
    pair.alice.core.tick();
    expect(pair.bob.core.nextDeadline).toBeUndefined();
    pair.bob.core.markRead([id]);
    settle(pair);
    expect(pair.alice.events.some((e) => e.type === "read")).toBe(true);
    pair.clock.advance(4_999);
    pair.bob.core.tick();
    pair.alice.core.tick();
    collect(pair.alice);
    collect(pair.bob);
    expect(pair.bob.events.some((e) => e.type === "deleted")).toBe(false);
    pair.clock.advance(1);
    pair.bob.core.tick();
    pair.alice.core.tick();
    collect(pair.alice);
    collect(pair.bob);
    for (const side of [pair.alice, pair.bob]) {
      expect(side.events).toContainEqual({ type: "deleted", randomIds: [id], reason: "ttl" });
    }
  });

  it("continues from a copy of its state (a restart)", () => {
    const pair = makePair();
    pair.alice.core.sendText("before");
    settle(pair);
    const saved = structuredClone(pair.bob.core.state);
    pair.bob.core = new SecretChatCore(saved, { crypto: pair.bob.core.crypto, now: pair.clock.now });
    pair.alice.core.sendText("after restart");
    pair.bob.core.sendText("back");
    settle(pair);
    expect(texts(pair.bob)).toEqual(["before", "after restart"]);
    expect(texts(pair.alice)).toEqual(["back"]);
  });
});
