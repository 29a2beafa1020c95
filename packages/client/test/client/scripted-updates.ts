// A scripted pts box on the test server, through its typed handler API: updates.getState,
// getDifference (slices of `sliceSize`, differenceTooLong over pts_total_limit) and
// getChannelDifference answer from a log of messages the test writes; `push` sends them live.
// The real world (accounts, chats, fan-out) is the test server's own; this is only the part of
// https://core.telegram.org/api/updates the engine's gap paths need.
import type { TestServer } from "@mtkit/test-server";
import type {
  RawChannel,
  RawMessage,
  TypeUpdate,
  TypeUpdates,
  updates_TypeChannelDifference,
  updates_TypeDifference,
} from "@mtkit/tl-core/api";

export const PEER_USER = 777n;
export const CHANNEL_HASH = 4242n;

export function channelObject(id: bigint): RawChannel {
  return {
    _: "channel",
    id,
    accessHash: CHANNEL_HASH,
    title: `channel ${id}`,
    photo: { _: "chatPhotoEmpty" },
    date: 1,
    megagroup: true,
  };
}

interface Logged {
  readonly pts: number;
  readonly message: RawMessage;
}

export class ScriptedUpdates {
  pts = 0;
  seq = 0;
  date = 1_700_000_000;
  sliceSize = 3;
  readonly log: Logged[] = [];
  readonly channels = new Map<bigint, Logged[]>();
  readonly calls = { getState: 0, getDifference: 0, getChannelDifference: 0 };
  /** Replaces the getDifference answer (bad-input tests); undefined falls back to the log. */
  differenceOverride: ((pts: number) => updates_TypeDifference | undefined) | undefined;

  constructor(readonly server: TestServer) {
    server.handle("updates.getState", () => {
      this.calls.getState++;
      return { _: "updates.state" as const, pts: this.pts, qts: 0, date: this.date, seq: this.seq, unreadCount: 0 };
    });
    server.handle("updates.getDifference", (request) => {
      this.calls.getDifference++;
      return this.differenceOverride?.(request.pts) ?? this.#difference(request.pts, request.ptsTotalLimit);
    });
    server.handle("updates.getChannelDifference", (request) => {
      this.calls.getChannelDifference++;
      const channelId = request.channel._ === "inputChannel" ? request.channel.channelId : 0n;
      return this.#channelDifference(channelId, request.pts, request.limit);
    });
  }

  /** A new private message in the account's box; returns its short push. */
  newMessage(text: string): TypeUpdates {
    this.pts++;
    this.date++;
    const message: RawMessage = {
      _: "message",
      id: this.pts,
      peerId: { _: "peerUser", userId: PEER_USER },
      fromId: { _: "peerUser", userId: PEER_USER },
      date: this.date,
      message: text,
    };
    this.log.push({ pts: this.pts, message });
    return {
      _: "updateShortMessage",
      id: this.pts,
      userId: PEER_USER,
      message: text,
      pts: this.pts,
      ptsCount: 1,
      date: this.date,
    };
  }

  /** A new message in a channel's box; returns its push (an `updates` container naming the channel). */
  channelMessage(channelId: bigint, text: string): TypeUpdates {
    const log = this.channels.get(channelId) ?? [];
    this.channels.set(channelId, log);
    const pts = (log.at(-1)?.pts ?? 0) + 1;
    const message: RawMessage = {
      _: "message",
      id: pts,
      peerId: { _: "peerChannel", channelId },
      date: this.date,
      message: text,
    };
    log.push({ pts, message });
    return {
      _: "updates",
      updates: [{ _: "updateNewChannelMessage", message, pts, ptsCount: 1 }],
      users: [],
      chats: [channelObject(channelId)],
      date: this.date,
      seq: 0,
    };
  }

  push(updates: TypeUpdates): void {
    this.server.pushUpdates(updates);
  }

  #difference(pts: number, totalLimit: number | undefined): updates_TypeDifference {
    if (totalLimit !== undefined && this.pts - pts > totalLimit)
      return { _: "updates.differenceTooLong", pts: this.pts };
    const after = this.log.filter((entry) => entry.pts > pts);
    if (after.length === 0) return { _: "updates.differenceEmpty", date: this.date, seq: this.seq };
    const slice = after.slice(0, this.sliceSize);
    const last = slice.at(-1)!;
    const body = {
      newMessages: slice.map((e) => e.message),
      newEncryptedMessages: [],
      otherUpdates: [],
      chats: [],
      users: [],
    };
    if (slice.length < after.length) {
      return {
        _: "updates.differenceSlice",
        ...body,
        intermediateState: {
          _: "updates.state",
          pts: last.pts,
          qts: 0,
          date: last.message.date,
          seq: this.seq,
          unreadCount: 0,
        },
      };
    }
    return {
      _: "updates.difference",
      ...body,
      state: { _: "updates.state", pts: this.pts, qts: 0, date: this.date, seq: this.seq, unreadCount: 0 },
    };
  }

  #channelDifference(channelId: bigint, pts: number, limit: number): updates_TypeChannelDifference {
    const log = this.channels.get(channelId) ?? [];
    const after = log.filter((entry) => entry.pts > pts);
    if (after.length === 0) return { _: "updates.channelDifferenceEmpty", final: true, pts: log.at(-1)?.pts ?? pts };
    const slice = after.slice(0, Math.min(limit, this.sliceSize));
    const final = slice.length === after.length;
    return {
      _: "updates.channelDifference",
      ...(final ? { final: true } : {}),
      pts: slice.at(-1)!.pts,
      newMessages: slice.map((e) => e.message),
      otherUpdates: [],
      chats: [channelObject(channelId)],
      users: [],
    };
  }
}

/** Polls until `check` holds (no fixed sleeps: the machine is shared and slow). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The text of a new message, else the constructor name. */
export function textOf(update: TypeUpdate): string {
  if ((update._ === "updateNewMessage" || update._ === "updateNewChannelMessage") && update.message._ === "message")
    return update.message.message;
  return update._;
}
