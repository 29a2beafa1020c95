// mtkit side of the TL benchmark: the payload as @mtkit/tl-core objects (layer 228).
import { decodeObject, encodeObject, type TlObject } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { plainPayload, type TlBenchCases } from "./tl-fixtures.js";

/** The payload as a layer-228 object. */
export function mtkitPayload(): TlObject {
  const plain = plainPayload();
  return {
    _: "messages.messages",
    messages: plain.messages.map((m) => ({
      _: "message",
      out: true,
      id: m.id,
      fromId: { _: "peerUser", userId: BigInt(m.fromUser) },
      peerId: { _: "peerUser", userId: BigInt(m.toUser) },
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
      id: BigInt(u.id),
      accessHash: u.accessHash,
      firstName: u.firstName,
      lastName: u.lastName,
      username: u.username,
      phone: u.phone,
      status: { _: "userStatusRecently" },
    })),
  } as TlObject;
}

export function mtkitCases(): TlBenchCases {
  const object = mtkitPayload();
  const bytes = encodeObject(apiRegistry, object);
  const back = decodeObject(apiRegistry, bytes) as { messages: unknown[]; users: unknown[] };
  if (back.messages.length !== 100 || back.users.length !== 50) throw new Error("mtkit payload mismatch");
  return {
    size: bytes.length,
    encode: () => encodeObject(apiRegistry, object),
    decode: () => decodeObject(apiRegistry, bytes),
  };
}
