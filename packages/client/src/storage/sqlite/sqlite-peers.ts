import type Database from "better-sqlite3";
import { StorageError } from "../storage-error.js";
import type { PeerKind, PeerRecord, PeersRepository } from "../types.js";

interface PeerRow {
  kind: string;
  id: bigint;
  access_hash: bigint | null;
  is_min: bigint;
  usernames: string;
  phone: string | null;
  updated_at: bigint;
  seen_in_kind: string | null;
  seen_in_id: bigint | null;
  seen_in_msg: bigint | null;
}

const COLUMNS =
  "p.kind, p.id, p.access_hash, p.is_min, p.usernames, p.phone, p.updated_at, p.seen_in_kind, p.seen_in_id, p.seen_in_msg";

function isPeerKind(kind: string): kind is PeerKind {
  return kind === "user" || kind === "chat" || kind === "channel";
}

function fromRow(row: PeerRow | undefined): PeerRecord | null {
  if (row === undefined) return null;
  if (!isPeerKind(row.kind))
    throw new StorageError("BACKEND_FAILED", `unknown peer kind ${row.kind} in the session file`);
  const usernames: unknown = JSON.parse(row.usernames);
  const seenIn =
    row.seen_in_kind !== null && isPeerKind(row.seen_in_kind) && row.seen_in_id !== null && row.seen_in_msg !== null
      ? { chatKind: row.seen_in_kind, chatId: row.seen_in_id, msgId: Number(row.seen_in_msg) }
      : null;
  return {
    kind: row.kind,
    id: row.id,
    accessHash: row.access_hash,
    isMin: row.is_min !== 0n,
    usernames: Array.isArray(usernames) ? usernames.filter((u): u is string => typeof u === "string") : [],
    phone: row.phone,
    seenIn,
    updatedAt: Number(row.updated_at),
  };
}

/** Peers and a username index; an upsert of many records is one transaction. */
export function sqlitePeers(db: Database.Database): PeersRepository {
  const get = db.prepare<[string, bigint], PeerRow>(`SELECT ${COLUMNS} FROM peers p WHERE p.kind = ? AND p.id = ?`);
  const byUsername = db.prepare<[string], PeerRow>(
    `SELECT ${COLUMNS} FROM peer_usernames u JOIN peers p ON p.kind = u.kind AND p.id = u.id WHERE u.username = ?`,
  );
  const byPhone = db.prepare<[string], PeerRow>(
    `SELECT ${COLUMNS} FROM peers p WHERE p.phone = ? ORDER BY p.updated_at DESC LIMIT 1`,
  );
  const put = db.prepare<
    [string, bigint, bigint | null, number, string, string | null, number, string | null, bigint | null, number | null]
  >(
    "INSERT OR REPLACE INTO peers (kind, id, access_hash, is_min, usernames, phone, updated_at, seen_in_kind, seen_in_id, seen_in_msg)" +
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const dropUsernames = db.prepare<[string, bigint]>("DELETE FROM peer_usernames WHERE kind = ? AND id = ?");
  const putUsername = db.prepare<[string, string, bigint]>(
    "INSERT OR REPLACE INTO peer_usernames (username, kind, id) VALUES (?, ?, ?)",
  );
  const count = db.prepare<[], { n: bigint }>("SELECT count(*) AS n FROM peers");

  const upsert = db.transaction((records: readonly PeerRecord[]) => {
    for (const r of records) {
      const seen = r.seenIn;
      put.run(
        r.kind,
        r.id,
        r.accessHash,
        r.isMin ? 1 : 0,
        JSON.stringify(r.usernames),
        r.phone,
        r.updatedAt,
        seen?.chatKind ?? null,
        seen?.chatId ?? null,
        seen?.msgId ?? null,
      );
      dropUsernames.run(r.kind, r.id);
      for (const username of r.usernames) putUsername.run(username, r.kind, r.id);
    }
  });

  return {
    get: (kind, id) => Promise.resolve().then(() => fromRow(get.get(kind, id))),
    getMany: (keys) => Promise.resolve().then(() => keys.map((k) => fromRow(get.get(k.kind, k.id)))),
    getByUsername: (username) => Promise.resolve().then(() => fromRow(byUsername.get(username.toLowerCase()))),
    getByPhone: (phone) => Promise.resolve().then(() => fromRow(byPhone.get(phone))),
    upsert: (records) =>
      Promise.resolve().then(() => {
        upsert(records);
      }),
    count: () => Promise.resolve().then(() => Number(count.get()?.n ?? 0n)),
  };
}
