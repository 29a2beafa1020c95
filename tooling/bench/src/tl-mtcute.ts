// mtcute side of the TL benchmark: @mtcute/tl 223 maps + @mtcute/tl-runtime 0.30.3.
import { createRequire } from "node:module";
import { Long } from "@mtcute/core";
import { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import { plainPayload, type TlBenchCases } from "./tl-fixtures.js";

const require = createRequire(import.meta.url);
// @mtcute/tl ships its generated maps as CommonJS without an exports map.
const { __tlReaderMap } = require("@mtcute/tl/binary/reader.js") as {
  __tlReaderMap: Parameters<typeof TlBinaryReader.deserializeObject>[0];
};
const { __tlWriterMap } = require("@mtcute/tl/binary/writer.js") as {
  __tlWriterMap: Parameters<typeof TlBinaryWriter.serializeObject>[0];
};

export function mtcuteCases(): TlBenchCases {
  const plain = plainPayload();
  // mtcute's own representation: peer and user ids are numbers (int53), access hashes Long.
  const object = {
    _: "messages.messages",
    messages: plain.messages.map((m) => ({
      _: "message",
      out: true,
      id: m.id,
      fromId: { _: "peerUser", userId: m.fromUser },
      peerId: { _: "peerUser", userId: m.toUser },
      date: m.date,
      message: m.text,
      entities: m.entities.map((e) => ({
        _: e.kind === "bold" ? "messageEntityBold" : "messageEntityUrl",
        offset: e.offset,
        length: e.length,
      })),
    })),
    topics: [],
    chats: [],
    users: plain.users.map((u) => ({
      _: "user",
      id: u.id,
      accessHash: Long.fromString(u.accessHash.toString()),
      firstName: u.firstName,
      lastName: u.lastName,
      username: u.username,
      phone: u.phone,
      status: { _: "userStatusRecently" },
    })),
  };
  const bytes = TlBinaryWriter.serializeObject(__tlWriterMap, object);
  const back = TlBinaryReader.deserializeObject<{ messages: unknown[] }>(__tlReaderMap, bytes);
  if (back.messages.length !== 100) throw new Error("mtcute payload mismatch");
  return {
    size: bytes.length,
    encode: () => TlBinaryWriter.serializeObject(__tlWriterMap, object),
    decode: () => TlBinaryReader.deserializeObject(__tlReaderMap, bytes),
  };
}
