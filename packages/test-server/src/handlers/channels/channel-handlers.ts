import { RpcError } from "../../api/rpc-error.js";
import { PeerSet } from "../../wire/peer-set.js";
import { wireParticipant } from "../../wire/wire-participants.js";
import { isActiveMember } from "../../world/channels.js";
import { participantsPage, type ParticipantFilter } from "../../world/participants.js";
import { channelPeer } from "../../world/peers.js";
import { seconds } from "../../world/world-clock.js";
import { act, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolveChannel, resolveUser } from "../input-peers.js";
import { sendAsUpdates } from "../messages/sent-updates.js";
import type { TypeChannelParticipantsFilter, TypeUpdates } from "@mtkit/tl-core/api";

/** channels.createChannel, inviteToChannel, joinChannel, leaveChannel, getParticipants, getChannels (https://core.telegram.org/api/channel). */
export function registerChannelHandlers(deps: HandlerDeps): void {
  const { server, world, wire } = deps;
  const channelUpdates = (viewerId: bigint, channelId: bigint): TypeUpdates =>
    wire.updates(
      viewerId,
      [wire.channelChanged(channelId)],
      new PeerSet().add(channelPeer(channelId)),
      seconds(world.env),
      0,
    );

  server.handle("channels.createChannel", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const megagroup = request.megagroup === true;
    const { channel, entry } = act(deps, ctx, () =>
      world.channels.create(self.id, {
        title: request.title,
        about: request.about,
        megagroup,
        ttlPeriod: request.ttlPeriod,
      }),
    );
    const created = world.messages.newest(undefined, channelPeer(channel.id))!;
    return sendAsUpdates(deps, self.id, { kind: "channel", id: channel.id }, entry, created, undefined);
  });

  server.handle("channels.inviteToChannel", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    if (!isActiveMember(world.channels.member(channel.id, self.id))) throw new RpcError(400, "CHANNEL_PRIVATE");
    const users = request.users.map((input) => resolveUser(deps, self, input).id);
    act(deps, ctx, () => world.channels.join(channel.id, users, self.id));
    return { _: "messages.invitedUsers" as const, updates: channelUpdates(self.id, channel.id), missingInvitees: [] };
  });

  server.handle("channels.joinChannel", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    const member = world.channels.member(channel.id, self.id);
    if (member?.role === "kicked" || member?.role === "banned") throw new RpcError(400, "CHANNEL_PRIVATE");
    if (isActiveMember(member)) throw new RpcError(400, "USER_ALREADY_PARTICIPANT");
    act(deps, ctx, () => world.channels.join(channel.id, [self.id], undefined));
    // Layer 228 answers messages.ChatInviteJoinResult (older layers: Updates).
    return { _: "messages.chatInviteJoinResultOk" as const, updates: channelUpdates(self.id, channel.id) };
  });

  server.handle("channels.leaveChannel", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    act(deps, ctx, () => {
      world.channels.removeMember(channel.id, self.id, "left");
    });
    return channelUpdates(self.id, channel.id);
  });

  server.handle("channels.getParticipants", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    if (!isActiveMember(world.channels.member(channel.id, self.id))) throw new RpcError(400, "CHANNEL_PRIVATE");
    const page = participantsPage(
      world.store,
      channel.id,
      participantFilter(request.filter),
      request.offset,
      request.limit,
    );
    const peers = new PeerSet();
    for (const member of page.members) peers.addUser(member.userId);
    return {
      _: "channels.channelParticipants" as const,
      count: page.count,
      participants: page.members.map((member) => wireParticipant(member, self.id, channel.creatorId)),
      ...wire.peers(self.id, peers),
    };
  });

  server.handle("channels.getChannels", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peers = new PeerSet();
    for (const input of request.id) peers.add(channelPeer(resolveChannel(deps, input).id));
    return { _: "messages.chats" as const, chats: wire.peers(self.id, peers).chats };
  });

  server.handle("channels.getFullChannel", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    const member = world.channels.member(channel.id, self.id);
    const dialog = world.dialogs.get(self.id, channelPeer(channel.id));
    const unread =
      dialog === undefined ? 0 : world.messages.countAbove(undefined, channelPeer(channel.id), dialog.readInboxMaxId);
    return {
      _: "messages.chatFull" as const,
      fullChat: wire.channelFull(channel, dialog, unread, world.boxes.channelPts(channel.id)),
      ...wire.peers(self.id, new PeerSet().add(channelPeer(channel.id)).addUser(member?.userId)),
    };
  });
}

function participantFilter(filter: TypeChannelParticipantsFilter): ParticipantFilter {
  switch (filter._) {
    case "channelParticipantsAdmins":
      return { kind: "admins" };
    case "channelParticipantsBots":
      return { kind: "bots" };
    case "channelParticipantsKicked":
      return { kind: "kicked", q: filter.q };
    case "channelParticipantsBanned":
      return { kind: "banned", q: filter.q };
    case "channelParticipantsSearch":
      return { kind: "search", q: filter.q };
    case "channelParticipantsContacts":
    case "channelParticipantsMentions":
      return { kind: "search", q: filter.q ?? "" };
    case "channelParticipantsRecent":
      return { kind: "recent" };
  }
}
