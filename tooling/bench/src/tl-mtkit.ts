// mtkit side of the TL benchmark: the payload as @mtkit/tl-core objects (layer 228).
import { decodeObject, encodeObject, registryOf, tableRegistry, type TlObject, type TlRegistry } from "@mtkit/tl-core";
import { apiRegistry, apiTable } from "@mtkit/tl-core/api";
import * as entries from "@mtkit/tl-core/api/entries";
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

/**
 * Which codecs read and write: the default registry (the schema table compiled per constructor
 * with new Function), the same table compiled into closures (browsers whose CSP forbids eval), or
 * the generated function per constructor that the registry used before the table (issue 14).
 */
export type MtkitCodec = "table" | "closures" | "generated";

function registryFor(codec: MtkitCodec): TlRegistry {
  if (codec === "closures") return tableRegistry(apiTable, { codegen: "closures" });
  if (codec === "generated") return registryOf(Object.values(entries));
  return apiRegistry;
}

export function mtkitCases(codec: MtkitCodec = "table"): TlBenchCases {
  const apiRegistry = registryFor(codec);
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
