import type { PeerKind } from "../storage/types.js";
import { PeerNotFoundError } from "./peer-not-found-error.js";

/**
 * Bot API dialog ids ("marked" ids): one number space for users, chats and channels
 * (https://core.telegram.org/api/bots/ids). Users: 1..0xffffffffff; chats: -id;
 * channels: -(1000000000000 + id). Secret-chat and monoforum ranges are not peers here.
 */
const MAX_USER_ID = 0xff_ffff_ffffn;
const MAX_CHAT_ID = 999_999_999_999n;
const CHANNEL_ZERO = -1_000_000_000_000n;
const MAX_CHANNEL_ID = 3_000_000_000_000n;

export function markPeerId(kind: PeerKind, id: bigint): bigint {
  if (kind === "user") return id;
  if (kind === "chat") return -id;
  return CHANNEL_ZERO - id;
}

export function unmarkPeerId(marked: bigint): { readonly kind: PeerKind; readonly id: bigint } {
  if (marked >= 1n && marked <= MAX_USER_ID) return { kind: "user", id: marked };
  if (marked <= -1n && marked >= -MAX_CHAT_ID) return { kind: "chat", id: -marked };
  if (marked < CHANNEL_ZERO && marked >= CHANNEL_ZERO - MAX_CHANNEL_ID)
    return { kind: "channel", id: CHANNEL_ZERO - marked };
  throw new PeerNotFoundError(String(marked), [
    {
      source: "input",
      lookup: "id",
      detail: `${marked} is not a user, chat or channel id (see https://core.telegram.org/api/bots/ids)`,
      outcome: "invalid",
    },
  ]);
}
