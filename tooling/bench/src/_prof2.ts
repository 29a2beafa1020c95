import { createRequire } from "node:module";
import { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import { Long } from "@mtcute/core";
import { decodeObject, encodeObject, type TlObject } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { plainPayload } from "./tl-fixtures.js";
const require = createRequire(import.meta.url);
const { __tlReaderMap } = require("@mtcute/tl/binary/reader.js") as { __tlReaderMap: never };
const { __tlWriterMap } = require("@mtcute/tl/binary/writer.js") as { __tlWriterMap: never };
const plain = plainPayload();
const mk = (longOf: (v: bigint) => unknown, topics: boolean) => ({
  _: "messages.messages", ...(topics ? { topics: [] } : {}), chats: [],
  messages: plain.messages.map((m) => ({ _: "message", out: true, id: m.id, fromId: { _: "peerUser", userId: longOf(BigInt(m.fromUser)) }, peerId: { _: "peerUser", userId: longOf(BigInt(m.toUser)) }, date: m.date, message: m.text,
    entities: m.entities.map((e) => ({ _: e.kind === "bold" ? "messageEntityBold" : "messageEntityUrl", offset: e.offset, length: e.length })) })),
  users: plain.users.map((u) => ({ _: "user", id: longOf(BigInt(u.id)), accessHash: longOf(u.accessHash), firstName: u.firstName, lastName: u.lastName, username: u.username, phone: u.phone, status: { _: "userStatusRecently" } })),
});
const ours = encodeObject(apiRegistry, mk((v) => v, true) as TlObject);
const theirs = TlBinaryWriter.serializeObject(__tlWriterMap, { ...mk((v) => Number(v), true), users: mk((v) => Long.fromString(v.toString()), true).users } as never);
const which = process.argv[2];
const t = performance.now(); let n = 0;
while (performance.now() - t < 4000) { if (which === "mtkit") decodeObject(apiRegistry, ours); else TlBinaryReader.deserializeObject(__tlReaderMap, theirs); n++; }
console.log(which, n / 4);
