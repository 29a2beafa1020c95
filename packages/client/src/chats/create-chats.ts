import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "../messages/context.js";
import { chatOfUpdates, type Chat } from "./chat.js";

export interface CreateGroupOptions {
  readonly title: string;
  /** Members besides you; Telegram asks for at least one for a basic group. */
  readonly users: readonly PeerRef[];
  /** Auto-delete timer for new messages, in seconds. */
  readonly ttlPeriod?: number;
  readonly signal?: AbortSignal;
}

/** A basic group (messages.createChat, https://core.telegram.org/method/messages.createChat). */
export async function createGroup(ctx: ClientContext, options: CreateGroupOptions): Promise<Chat> {
  const users = await Promise.all(options.users.map((user) => ctx.peers.resolveUser(user, options.signal)));
  const answer = await ctx.invoke(
    { _: "messages.createChat", users, title: options.title, ttlPeriod: options.ttlPeriod },
    withSignal(options.signal),
  );
  return chatOfUpdates(answer.updates, "messages.createChat");
}

export interface CreateChannelOptions {
  readonly title: string;
  readonly about?: string;
  readonly ttlPeriod?: number;
  readonly signal?: AbortSignal;
}

/** A supergroup: a channel where everyone writes (channels.createChannel with megagroup, https://core.telegram.org/api/channel). */
export function createSupergroup(ctx: ClientContext, options: CreateChannelOptions): Promise<Chat> {
  return create(ctx, options, "megagroup");
}

/** A broadcast channel (channels.createChannel with broadcast). */
export function createChannel(ctx: ClientContext, options: CreateChannelOptions): Promise<Chat> {
  return create(ctx, options, "broadcast");
}

async function create(
  ctx: ClientContext,
  options: CreateChannelOptions,
  kind: "megagroup" | "broadcast",
): Promise<Chat> {
  const answer = await ctx.invoke(
    {
      _: "channels.createChannel",
      broadcast: kind === "broadcast",
      megagroup: kind === "megagroup",
      title: options.title,
      about: options.about ?? "",
      ttlPeriod: options.ttlPeriod,
    },
    withSignal(options.signal),
  );
  return chatOfUpdates(answer, "channels.createChannel");
}
