// GramJS side of the TL benchmark: `telegram` 2.26.22 (layer 198) Api classes.
import bigInt from "big-integer";
import { Api } from "telegram";
import { BinaryReader } from "telegram/extensions/index.js";
import { plainPayload, type TlBenchCases } from "./tl-fixtures.js";

export function gramjsCases(): TlBenchCases {
  const plain = plainPayload();
  const object = new Api.messages.Messages({
    messages: plain.messages.map(
      (m) =>
        new Api.Message({
          out: true,
          id: m.id,
          fromId: new Api.PeerUser({ userId: bigInt(m.fromUser) }),
          peerId: new Api.PeerUser({ userId: bigInt(m.toUser) }),
          date: m.date,
          message: m.text,
          entities: m.entities.map((e) =>
            e.kind === "bold" ? new Api.MessageEntityBold(e) : new Api.MessageEntityUrl(e),
          ),
        }),
    ),
    chats: [],
    users: plain.users.map(
      (u) =>
        new Api.User({
          id: bigInt(u.id),
          accessHash: bigInt(u.accessHash.toString()),
          firstName: u.firstName,
          lastName: u.lastName,
          username: u.username,
          phone: u.phone,
          status: new Api.UserStatusRecently({}),
        }),
    ),
  });
  const bytes = object.getBytes();
  const back = new BinaryReader(bytes).tgReadObject() as { messages: unknown[] };
  if (back.messages.length !== 100) throw new Error("GramJS payload mismatch");
  return {
    size: bytes.length,
    encode: () => object.getBytes(),
    decode: (): unknown => new BinaryReader(bytes).tgReadObject() as unknown,
  };
}
