import type Database from "better-sqlite3";
import { checkDcId } from "../storage-error.js";
import type {
  DcAddress,
  KeyValueRepository,
  SaltsRepository,
  SelfInfo,
  SessionInfoRepository,
  UpdateStateRepository,
} from "../types.js";

const later = <T>(body: () => T): Promise<T> => Promise.resolve().then(body);

export function sqliteSalts(db: Database.Database): SaltsRepository {
  const select = db.prepare<[number], { salt: bigint; valid_since: bigint; valid_until: bigint }>(
    "SELECT salt, valid_since, valid_until FROM salts WHERE dc_id = ? ORDER BY valid_since",
  );
  const remove = db.prepare<[number]>("DELETE FROM salts WHERE dc_id = ?");
  const insert = db.prepare<[number, bigint, number, number]>(
    "INSERT INTO salts (dc_id, salt, valid_since, valid_until) VALUES (?, ?, ?, ?)",
  );
  const replace = db.transaction((dcId: number, salts: Parameters<SaltsRepository["set"]>[1]) => {
    remove.run(dcId);
    for (const s of salts) insert.run(dcId, BigInt.asIntN(64, s.salt), s.validSince, s.validUntil);
  });
  return {
    get: (dcId) =>
      later(() =>
        select
          .all(dcId)
          .map((r) => ({ salt: r.salt, validSince: Number(r.valid_since), validUntil: Number(r.valid_until) })),
      ),
    set: (dcId, salts) =>
      later(() => {
        checkDcId(dcId);
        replace(dcId, salts);
      }),
  };
}

/** Home DC and self are small JSON documents in `session_info` (bigints as decimal strings). */
export function sqliteSessionInfo(db: Database.Database): SessionInfoRepository {
  const select = db.prepare<[string], { value: string }>("SELECT value FROM session_info WHERE key = ?");
  const upsert = db.prepare<[string, string]>("INSERT OR REPLACE INTO session_info (key, value) VALUES (?, ?)");
  const remove = db.prepare<[string]>("DELETE FROM session_info WHERE key = ?");
  const read = (key: string): unknown => {
    const row = select.get(key);
    return row === undefined ? null : JSON.parse(row.value);
  };
  const write = (key: string, value: unknown): void => {
    if (value === null) remove.run(key);
    else upsert.run(key, JSON.stringify(value));
  };
  return {
    getHomeDc: () => later(() => read("home_dc") as DcAddress | null),
    setHomeDc: (dc) =>
      later(() => {
        if (dc !== null) checkDcId(dc.id);
        write("home_dc", dc);
      }),
    getSelf: () =>
      later(() => {
        const self = read("self") as { userId: string; isBot: boolean } | null;
        return self === null ? null : ({ userId: BigInt(self.userId), isBot: self.isBot } satisfies SelfInfo);
      }),
    setSelf: (self) =>
      later(() => {
        write("self", self === null ? null : { userId: self.userId.toString(), isBot: self.isBot });
      }),
  };
}

export function sqliteUpdateState(db: Database.Database): UpdateStateRepository {
  const select = db.prepare<[], { pts: bigint; qts: bigint; date: bigint; seq: bigint }>(
    "SELECT pts, qts, date, seq FROM update_state WHERE singleton = 0",
  );
  const upsert = db.prepare<[number, number, number, number]>(
    "INSERT OR REPLACE INTO update_state (singleton, pts, qts, date, seq) VALUES (0, ?, ?, ?, ?)",
  );
  const remove = db.prepare("DELETE FROM update_state");
  const selectChannel = db.prepare<[bigint], { pts: bigint }>("SELECT pts FROM channel_pts WHERE channel_id = ?");
  const upsertChannel = db.prepare<[bigint, number]>(
    "INSERT OR REPLACE INTO channel_pts (channel_id, pts) VALUES (?, ?)",
  );
  const removeChannel = db.prepare<[bigint]>("DELETE FROM channel_pts WHERE channel_id = ?");
  const selectChannels = db.prepare<[], { channel_id: bigint; pts: bigint }>("SELECT channel_id, pts FROM channel_pts");
  return {
    get: () =>
      later(() => {
        const row = select.get();
        return row === undefined
          ? null
          : { pts: Number(row.pts), qts: Number(row.qts), date: Number(row.date), seq: Number(row.seq) };
      }),
    set: (state) =>
      later(() => {
        if (state === null) remove.run();
        else upsert.run(state.pts, state.qts, state.date, state.seq);
      }),
    getChannelPts: (channelId) =>
      later(() => {
        const row = selectChannel.get(channelId);
        return row === undefined ? null : Number(row.pts);
      }),
    setChannelPts: (channelId, pts) =>
      later(() => {
        if (pts === null) removeChannel.run(channelId);
        else upsertChannel.run(channelId, pts);
      }),
    listChannelPts: () => later(() => selectChannels.all().map((row) => [row.channel_id, Number(row.pts)] as const)),
  };
}

export function sqliteKeyValue(db: Database.Database): KeyValueRepository {
  const select = db.prepare<[string], { value: Buffer }>("SELECT value FROM kv WHERE key = ?");
  const upsert = db.prepare<[string, Uint8Array]>("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)");
  const remove = db.prepare<[string]>("DELETE FROM kv WHERE key = ?");
  return {
    get: (key) =>
      later(() => {
        const row = select.get(key);
        return row === undefined ? null : new Uint8Array(row.value);
      }),
    set: (key, value) =>
      later(() => {
        if (value === null) remove.run(key);
        else upsert.run(key, value);
      }),
  };
}
