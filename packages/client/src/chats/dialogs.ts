import type { RawDialog, TypeInputPeer, TypeUser } from "@mtkit/tl-core/api";
import { withSignal, type ClientContext } from "../messages/context.js";
import { indexChats, messageFromTl, peerId, type ChatType, type Message } from "../messages/message.js";
import { paginate, type PaceOptions } from "../messages/paginate.js";
import { chatTitle } from "./chat-title.js";

/** One chat of the chat list. */
export interface Dialog {
  readonly chatId: number;
  readonly chatType: ChatType;
  /** A user's name or a group's or channel's title; empty when the answer did not include it. */
  readonly title: string;
  readonly pinned: boolean;
  readonly unreadCount: number;
  readonly topMessage: Message | null;
  readonly raw: RawDialog;
}

/** Where the next page of dialogs starts (https://core.telegram.org/api/offsets#dialogs): after the last dialog seen. */
export interface DialogsCursor {
  readonly offsetDate: number;
  readonly offsetId: number;
  readonly offsetPeer: TypeInputPeer;
}

export interface GetDialogsOptions {
  readonly offset?: DialogsCursor;
  /** Page size, at most 100. Default 100. */
  readonly limit?: number;
  /** The archive (folder 1) instead of the main list. */
  readonly archived?: boolean;
  readonly excludePinned?: boolean;
  readonly signal?: AbortSignal;
}

export interface DialogsPage {
  readonly dialogs: readonly Dialog[];
  readonly next: DialogsCursor | null;
  readonly total: number;
}

export const MAX_DIALOGS_PAGE = 100;

/** One page of messages.getDialogs (https://core.telegram.org/method/messages.getDialogs). */
export async function getDialogs(ctx: ClientContext, options: GetDialogsOptions = {}): Promise<DialogsPage> {
  const limit = Math.min(options.limit ?? MAX_DIALOGS_PAGE, MAX_DIALOGS_PAGE);
  const answer = await ctx.invoke(
    {
      _: "messages.getDialogs",
      excludePinned: options.excludePinned === true,
      folderId: options.archived === true ? 1 : undefined,
      offsetDate: options.offset?.offsetDate ?? 0,
      offsetId: options.offset?.offsetId ?? 0,
      offsetPeer: options.offset?.offsetPeer ?? { _: "inputPeerEmpty" },
      limit,
      hash: 0n,
    },
    withSignal(options.signal),
  );
  if (answer._ === "messages.dialogsNotModified") return { dialogs: [], next: null, total: answer.count };
  const chats = indexChats(answer.chats);
  const users = new Map<bigint, TypeUser>(answer.users.map((user) => [user.id, user]));
  const selfId = await ctx.selfId();
  const messages = new Map<string, Message>();
  for (const raw of answer.messages) {
    const message = messageFromTl(raw, chats, selfId);
    if (message !== null) messages.set(`${String(message.chatId)}:${String(message.id)}`, message);
  }
  const dialogs = answer.dialogs.flatMap((raw): Dialog[] => {
    if (raw._ !== "dialog") return [];
    const chatId = peerId(raw.peer);
    const topMessage = messages.get(`${String(chatId)}:${String(raw.topMessage)}`) ?? null;
    const title = chatTitle(raw.peer, chats, users);
    return [
      {
        chatId,
        chatType: title.type,
        title: title.title,
        pinned: raw.pinned === true,
        unreadCount: raw.unreadCount,
        topMessage,
        raw,
      },
    ];
  });
  const total = answer._ === "messages.dialogsSlice" ? answer.count : dialogs.length;
  const last = dialogs.at(-1);
  const more = answer._ === "messages.dialogsSlice" && answer.dialogs.length >= limit && last !== undefined;
  const next = more
    ? {
        offsetDate: last.topMessage?.date ?? 0,
        offsetId: last.raw.topMessage,
        offsetPeer: await ctx.peers.resolvePeer(last.raw.peer, options.signal),
      }
    : null;
  return { dialogs, next, total };
}

export interface IterDialogsOptions extends PaceOptions {
  readonly chunkSize?: number;
  readonly archived?: boolean;
}

/** Every dialog, newest activity first, page by page. */
export function iterDialogs(
  ctx: ClientContext,
  options: IterDialogsOptions = {},
): AsyncGenerator<Dialog, void, undefined> {
  const fetchPage = async (cursor: DialogsCursor | null) => {
    const page = await getDialogs(ctx, {
      limit: options.chunkSize ?? MAX_DIALOGS_PAGE,
      ...(cursor === null ? {} : { offset: cursor }),
      ...(options.archived === undefined ? {} : { archived: options.archived }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return { items: page.dialogs, next: page.next };
  };
  return paginate<Dialog, DialogsCursor>(null, fetchPage, ctx.sleep, options);
}
