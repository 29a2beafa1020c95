import type { TypePeer, TypeUser } from "@mtkit/tl-core/api";
import type { ChatIndex, ChatType } from "../messages/message.js";

/** The display name and kind of a peer, from the users and chats of the same answer. */
export function chatTitle(
  peer: TypePeer,
  chats: ChatIndex,
  users: ReadonlyMap<bigint, TypeUser>,
): { title: string; type: ChatType } {
  if (peer._ === "peerUser") {
    const user = users.get(peer.userId);
    const name =
      user?._ === "user"
        ? [user.firstName, user.lastName].filter((part) => part !== undefined && part !== "").join(" ")
        : "";
    return { title: name, type: "private" };
  }
  const chat = chats.get(peer._ === "peerChat" ? peer.chatId : peer.channelId);
  const title = chat !== undefined && "title" in chat ? chat.title : "";
  if (peer._ === "peerChat") return { title, type: "group" };
  return { title, type: chat?._ === "channel" && chat.megagroup !== true ? "channel" : "supergroup" };
}
