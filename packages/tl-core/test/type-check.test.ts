// Boxed fields are checked against their declared type when read; `Object` and `!X` are not.
// https://core.telegram.org/mtproto/serialize#boxed-and-bare-types
import { describe, expect, it } from "vitest";
import { apiRegistry, LAYER } from "../src/api.js";
import { mtprotoRegistry } from "../src/mtproto.js";
import { generateSchema } from "../src/codegen/generate.js";
import { typeIdOf } from "../src/codegen/type-ids.js";
import { combineRegistries } from "../src/runtime/registry.js";
import { decodeObject, decodeResult, encodeObject } from "../src/runtime/codec.js";
import { TlError } from "../src/runtime/errors.js";
import { ANY_TYPE, type TlObject } from "../src/runtime/types.js";
import { schemas } from "./schemas.js";

const registry = combineRegistries(mtprotoRegistry, apiRegistry);
const le = (id: number): Uint8Array => new Uint8Array(new Int32Array([id]).buffer);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const errorOf = (fn: () => unknown): TlError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TlError) return error;
    throw error;
  }
  throw new Error("no TlError thrown");
};
/** Replaces the 4-byte constructor id `id` (its only occurrence) by `replacement`; returns bytes and offset. */
const splice = (bytes: Uint8Array, id: number, replacement: Uint8Array): [Uint8Array, number] => {
  const at = Buffer.from(bytes).indexOf(Buffer.from(le(id)));
  expect(at, "the id occurs once").toBeGreaterThanOrEqual(0);
  expect(Buffer.from(bytes).indexOf(Buffer.from(le(id)), at + 1)).toBe(-1);
  return [concat(bytes.subarray(0, at), replacement, bytes.subarray(at + 4)), at];
};

const MESSAGE_MEDIA_EMPTY = 0x3ded6320 | 0;
const USER_EMPTY = 0xd3bc4b7a | 0;
const CHAT_EMPTY = 0x29562865 | 0;
const PEER_USER = 0x59511722 | 0;
const INPUT_PEER_USER_FROM_MESSAGE = 0xa87b0a1c | 0;
const INPUT_PEER_SELF = 0x7da07ec9 | 0;
const HELP_GET_CONFIG = 0xc4f9186b | 0;
const GZIP_PACKED = 0x3072cfa1 | 0;
const VECTOR = 0x1cb5c415 | 0;
const userEmpty = concat(le(USER_EMPTY), new Uint8Array(8));

describe("boxed field type check", () => {
  it("rejects a user constructor in message.media (MessageMedia) with UNEXPECTED_CONSTRUCTOR", () => {
    const message = {
      _: "message",
      id: 7,
      peerId: { _: "peerUser", userId: 1n },
      date: 1,
      message: "hi",
      media: { _: "messageMediaEmpty" },
    } as TlObject;
    const [bad, at] = splice(encodeObject(apiRegistry, message), MESSAGE_MEDIA_EMPTY, userEmpty);
    const error = errorOf(() => decodeObject(apiRegistry, bad));
    expect(error).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: at,
      expected: "MessageMedia",
      constructorId: USER_EMPTY,
    });
    expect(error.message).toContain("0xd3bc4b7a");
  });

  it("rejects a Peer where InputPeer is declared, at the offset of the wrong id", () => {
    const bad = concat(le(INPUT_PEER_USER_FROM_MESSAGE), le(PEER_USER), new Uint8Array(8), le(5), new Uint8Array(8));
    expect(errorOf(() => decodeObject(apiRegistry, bad))).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: 4,
      expected: "InputPeer",
      constructorId: PEER_USER,
    });
    const good = concat(le(INPUT_PEER_USER_FROM_MESSAGE), le(INPUT_PEER_SELF), le(5), new Uint8Array(8));
    expect(decodeObject(apiRegistry, good)).toEqual({
      _: "inputPeerUserFromMessage",
      peer: { _: "inputPeerSelf" },
      msgId: 5,
      userId: 0n,
    });
  });

  it("rejects a method, an unknown id, a bare Vector and gzip_packed in a typed field", () => {
    const inField = (id: number): Uint8Array => concat(le(INPUT_PEER_USER_FROM_MESSAGE), le(id), new Uint8Array(12));
    expect(errorOf(() => decodeObject(registry, inField(HELP_GET_CONFIG)))).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: 4,
      expected: "InputPeer",
      constructorId: HELP_GET_CONFIG,
    });
    expect(errorOf(() => decodeObject(registry, inField(0xdeadbeef | 0)))).toMatchObject({
      code: "UNKNOWN_CONSTRUCTOR",
      offset: 4,
      expected: "InputPeer",
      constructorId: 0xdeadbeef | 0,
    });
    expect(errorOf(() => decodeObject(registry, inField(VECTOR)))).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: 4,
      expected: "InputPeer",
    });
    // gzip_packed stands only for a whole message or result, which the session inflates.
    expect(errorOf(() => decodeObject(registry, inField(GZIP_PACKED)))).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: 4,
      constructorId: GZIP_PACKED,
    });
  });

  it("checks every element of a Vector<User> field and of a Vector<User> result", () => {
    const users = [
      { _: "userEmpty", id: 1n },
      { _: "userEmpty", id: 2n },
      { _: "userEmpty", id: 3n },
    ];
    const messages = { _: "messages.messages", messages: [], topics: [], chats: [], users } as TlObject;
    const bytes = encodeObject(apiRegistry, messages);
    expect(decodeObject(apiRegistry, bytes)).toEqual(messages);
    // The third user becomes a chatEmpty (same body: id:long).
    const third = Buffer.from(bytes).lastIndexOf(Buffer.from(le(USER_EMPTY)));
    const bad = Uint8Array.from(bytes);
    bad.set(le(CHAT_EMPTY), third);
    expect(errorOf(() => decodeObject(apiRegistry, bad))).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: third,
      expected: "User",
      constructorId: CHAT_EMPTY,
    });
    const result = concat(le(VECTOR), le(2), userEmpty, le(CHAT_EMPTY), new Uint8Array(8));
    expect(errorOf(() => decodeResult(apiRegistry, "users.getUsers", result))).toMatchObject({
      code: "UNEXPECTED_CONSTRUCTOR",
      offset: 20,
      expected: "User",
      constructorId: CHAT_EMPTY,
    });
  });

  it("leaves !X and Object unchecked", () => {
    const wrapped = { _: "invokeWithLayer", layer: LAYER, query: { _: "inputPeerSelf" } } as TlObject;
    expect(decodeObject(apiRegistry, encodeObject(apiRegistry, wrapped))).toEqual(wrapped);
    // msg_container's message.body is declared Object (mtproto.tl).
    const container = {
      _: "msg_container",
      messages: [{ _: "message", msgId: 1n, seqno: 1, bytes: 4, body: { _: "inputPeerSelf" } }],
    } as TlObject;
    expect(decodeObject(registry, encodeObject(registry, container))).toEqual(container);
  });

  it("gives every constructor its type's id and every method none, and the ids of all schemas stay apart", () => {
    const owner = new Map<number, string>();
    for (const { model, registry: schemaRegistry } of schemas) {
      for (const [name, constructors] of model.byType) {
        const id = typeIdOf(name);
        expect(id).not.toBe(ANY_TYPE);
        expect(owner.get(id) ?? name, `type id of ${name}`).toBe(name);
        owner.set(id, name);
        for (const c of constructors) expect(schemaRegistry.readers.get(c.id)?.type, c.name).toBe(id);
      }
      for (const m of model.methods) expect(schemaRegistry.readers.get(m.id)?.type, m.name).toBe(ANY_TYPE);
    }
  });

  it("refuses to generate a reader for a boxed type without constructors", () => {
    const source = "foo bar:Baz = Foo;\n";
    expect(() => generateSchema({ file: "test.tl", source, registryName: "testRegistry" })).toThrow(
      /type Baz has no constructor/,
    );
  });
});
