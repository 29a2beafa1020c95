import type { TypeMessage, TypeUpdate, updates_TypeChannelDifference } from "@mtkit/tl-core/api";
import { channelPeer } from "../../world/peers.js";
import { peersOfEntries } from "../../wire/wire.js";
import { PeerSet } from "../../wire/peer-set.js";
import type { BoxRef, Channel } from "../../world/types.js";
import type { HandlerDeps } from "../handler-deps.js";

/** Seconds a client waits before asking a channel again (https://core.telegram.org/api/updates#channel-difference). */
const POLL_TIMEOUT = 30;

/**
 * updates.getChannelDifference: empty (final, with a timeout), a difference slice (`final` false
 * while more remain), or channelDifferenceTooLong (the dialog and the newest messages) past the threshold.
 */
export function channelDifference(
  deps: HandlerDeps,
  viewerId: bigint,
  channel: Channel,
  clientPts: number,
  limit: number,
): updates_TypeChannelDifference {
  const { world, wire, limits } = deps;
  const ref: BoxRef = { kind: "channel", id: channel.id };
  const pts = world.boxes.channelPts(channel.id);
  if (deps.server.faults.updates.takeChannelDifferenceTooLong() || pts - clientPts > limits.channelTooLongAfter) {
    const dialog = world.dialogs.get(viewerId, channelPeer(channel.id)) ?? {
      peer: channelPeer(channel.id),
      topMessage: 0,
      topDate: 0,
      readInboxMaxId: 0,
      readOutboxMaxId: 0,
      pinnedOrder: undefined,
      ttlPeriod: undefined,
    };
    const newest = world.store
      .table("messages")
      .scan(`c${channel.id}`, { reverse: true, limit: Math.max(1, Math.min(limit, 100)) });
    const peers = new PeerSet().add(channelPeer(channel.id));
    for (const message of newest) peers.addMessage(message);
    const top = newest[0]?.id ?? 0;
    const unread = world.messages.countAbove(undefined, channelPeer(channel.id), dialog.readInboxMaxId);
    return {
      _: "updates.channelDifferenceTooLong",
      final: true,
      timeout: POLL_TIMEOUT,
      dialog: wire.dialog({ ...dialog, topMessage: top }, unread, pts),
      messages: newest.map((message) => wire.message(message)),
      ...wire.peers(viewerId, peers),
    };
  }
  if (clientPts >= pts) return { _: "updates.channelDifferenceEmpty", final: true, pts, timeout: POLL_TIMEOUT };
  const entries = world.boxes.entriesAfter(ref, clientPts, Math.max(1, Math.min(limit, limits.sliceSize)));
  const newMessages: TypeMessage[] = [];
  const otherUpdates: TypeUpdate[] = [];
  for (const entry of entries) {
    if (entry.event.kind === "newMessage") newMessages.push(wire.message(entry.event.message));
    else otherUpdates.push(wire.update(ref, entry));
  }
  const reached = entries[entries.length - 1]?.pts ?? pts;
  const final = reached >= pts;
  return {
    _: "updates.channelDifference",
    ...(final ? { final: true, timeout: POLL_TIMEOUT } : {}),
    pts: reached,
    newMessages,
    otherUpdates,
    ...wire.peers(viewerId, peersOfEntries(ref, entries)),
  };
}
