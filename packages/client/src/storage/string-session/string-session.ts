import { AUTH_KEY_LENGTH } from "../storage-error.js";
import type { DcAddress, SelfInfo, UpdateState } from "../types.js";
import { decodeBase64Url, encodeBase64Url } from "./base64url.js";
import { StringSessionError } from "./string-session-error.js";

/** What a string session carries: enough to reconnect to the home DC as the same user. */
export interface StringSessionData {
  readonly dc: DcAddress;
  readonly authKey: Uint8Array;
  readonly self?: SelfInfo;
  /**
   * The account's update state (https://core.telegram.org/api/updates), so a process started from
   * the string catches up from there instead of starting fresh. Channel boxes are not carried (one
   * number per channel would make the string unbounded): they start again at their next update.
   */
  readonly updates?: UpdateState;
}

/**
 * Layout, version 1 (all integers little-endian):
 * `version:u8 | flags:u8 | dc_id:u16 | ip_len:u8 | ip:ascii | port:u16 | auth_key:256 | [self_id:i64] | [pts:i32 qts:i32 date:i32 seq:i32]`
 * flags: 1 ipv6, 2 test DC, 4 media-only, 8 has self, 16 self is a bot, 32 has update state.
 */
export const STRING_SESSION_VERSION = 1;
const FLAG = { ipv6: 1, testMode: 2, mediaOnly: 4, hasSelf: 8, isBot: 16, hasUpdates: 32 } as const;
const KNOWN_FLAGS = 63;
const UPDATE_STATE_BYTES = 16;
// The longest v1 session is 7 + 255 + 256 + 8 + 16 bytes = 723 base64 characters; refuse more before decoding.
const MAX_TEXT_LENGTH = 1024;
const IP_PATTERN = /^[0-9A-Za-z.:%-]+$/;

export function exportStringSession(data: StringSessionData): string {
  const ip = data.dc.ip;
  if (ip.length === 0 || ip.length > 255 || !IP_PATTERN.test(ip))
    throw new StringSessionError("BAD_FIELD", `bad DC address ${ip}`);
  if (data.authKey.length !== AUTH_KEY_LENGTH)
    throw new StringSessionError("BAD_FIELD", "the auth key must be 256 bytes");
  if (!Number.isInteger(data.dc.id) || data.dc.id < 1 || data.dc.id > 0xffff)
    throw new StringSessionError("BAD_FIELD", "bad DC id");
  if (!Number.isInteger(data.dc.port) || data.dc.port < 1 || data.dc.port > 0xffff)
    throw new StringSessionError("BAD_FIELD", "bad port");
  const updates = data.updates;
  if (updates !== undefined && ![updates.pts, updates.qts, updates.date, updates.seq].every(isInt32))
    throw new StringSessionError("BAD_FIELD", "the update state must be 32-bit integers");
  const bytes = new Uint8Array(
    7 +
      ip.length +
      AUTH_KEY_LENGTH +
      (data.self === undefined ? 0 : 8) +
      (updates === undefined ? 0 : UPDATE_STATE_BYTES),
  );
  const view = new DataView(bytes.buffer);
  let flags = 0;
  if (data.dc.ipv6 === true) flags |= FLAG.ipv6;
  if (data.dc.testMode === true) flags |= FLAG.testMode;
  if (data.dc.mediaOnly === true) flags |= FLAG.mediaOnly;
  if (data.self !== undefined) flags |= FLAG.hasSelf | (data.self.isBot ? FLAG.isBot : 0);
  if (updates !== undefined) flags |= FLAG.hasUpdates;
  bytes[0] = STRING_SESSION_VERSION;
  bytes[1] = flags;
  view.setUint16(2, data.dc.id, true);
  bytes[4] = ip.length;
  for (let i = 0; i < ip.length; i++) bytes[5 + i] = ip.charCodeAt(i);
  let at = 5 + ip.length;
  view.setUint16(at, data.dc.port, true);
  bytes.set(data.authKey, at + 2);
  at += 2 + AUTH_KEY_LENGTH;
  if (data.self !== undefined) {
    view.setBigInt64(at, BigInt.asIntN(64, data.self.userId), true);
    at += 8;
  }
  if (updates !== undefined) {
    view.setInt32(at, updates.pts, true);
    view.setInt32(at + 4, updates.qts, true);
    view.setInt32(at + 8, updates.date, true);
    view.setInt32(at + 12, updates.seq, true);
  }
  return encodeBase64Url(bytes);
}

export function importStringSession(text: string): StringSessionData {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT_LENGTH)
    throw new StringSessionError("TOO_LONG", `a string session is at most ${MAX_TEXT_LENGTH} characters`);
  const bytes = decodeBase64Url(trimmed);
  if (bytes === null) throw new StringSessionError("BAD_ENCODING", "not base64url text");
  if (bytes.length < 1) throw new StringSessionError("TRUNCATED", "empty string session");
  if (bytes[0] !== STRING_SESSION_VERSION) {
    throw new StringSessionError(
      "UNSUPPORTED_VERSION",
      `string session version ${bytes[0] ?? -1} is not supported (expected ${STRING_SESSION_VERSION})`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (end: number): void => {
    if (bytes.length < end)
      throw new StringSessionError("TRUNCATED", `string session ends at byte ${bytes.length}, needs ${end}`);
  };
  need(5);
  const flags = bytes[1] ?? 0;
  if ((flags & ~KNOWN_FLAGS) !== 0) throw new StringSessionError("BAD_FIELD", `unknown flags ${flags}`);
  const dcId = view.getUint16(2, true);
  const ipLength = bytes[4] ?? 0;
  need(7 + ipLength + AUTH_KEY_LENGTH);
  const ip = String.fromCharCode(...bytes.subarray(5, 5 + ipLength));
  if (dcId === 0 || ipLength === 0 || !IP_PATTERN.test(ip))
    throw new StringSessionError("BAD_FIELD", "bad DC id or address");
  let at = 5 + ipLength;
  const port = view.getUint16(at, true);
  if (port === 0) throw new StringSessionError("BAD_FIELD", "bad port 0");
  const authKey = bytes.slice(at + 2, at + 2 + AUTH_KEY_LENGTH);
  at += 2 + AUTH_KEY_LENGTH;
  let self: SelfInfo | undefined;
  if ((flags & FLAG.hasSelf) !== 0) {
    need(at + 8);
    self = { userId: view.getBigInt64(at, true), isBot: (flags & FLAG.isBot) !== 0 };
    at += 8;
  }
  let updates: UpdateState | undefined;
  if ((flags & FLAG.hasUpdates) !== 0) {
    need(at + UPDATE_STATE_BYTES);
    updates = {
      pts: view.getInt32(at, true),
      qts: view.getInt32(at + 4, true),
      date: view.getInt32(at + 8, true),
      seq: view.getInt32(at + 12, true),
    };
    at += UPDATE_STATE_BYTES;
  }
  if (at !== bytes.length)
    throw new StringSessionError("TRAILING_BYTES", `${bytes.length - at} unexpected bytes at the end`);
  const dc: DcAddress = {
    id: dcId,
    ip,
    port,
    ...((flags & FLAG.ipv6) !== 0 ? { ipv6: true } : {}),
    ...((flags & FLAG.testMode) !== 0 ? { testMode: true } : {}),
    ...((flags & FLAG.mediaOnly) !== 0 ? { mediaOnly: true } : {}),
  };
  return { dc, authKey, ...(self === undefined ? {} : { self }), ...(updates === undefined ? {} : { updates }) };
}

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff;
}
