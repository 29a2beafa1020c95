// File parts are spread over several media connections per DC (`mediaConnections`): the server sees
// that many connections and sessions, all on one media temporary key (the later connections reuse
// the key the first one made and bound).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggedInClient, pattern, startFilesHarness, toDocument, type FilesHarness } from "./files-harness.js";

const MIB = 1024 * 1024;

let h: FilesHarness;
beforeAll(async () => {
  h = await startFilesHarness();
});
afterAll(async () => {
  await h.close();
});

type Session = FilesHarness["server"]["dcs"][number]["sessions"][number];

/** The sessions DC 2 opened since `before`, and how many distinct connections and keys they use. */
function newSessions(before: ReadonlySet<Session>): { sessions: number; connections: number; keys: number } {
  const live = h.server.dc(2).sessions.filter((session) => !before.has(session));
  return {
    sessions: live.length,
    connections: new Set(live.map((session) => session.attachedTo)).size,
    keys: new Set(live.map((session) => session.keyRecord.authKey.idLong)).size,
  };
}

describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  it("3 media connections: parts of one upload and one download are spread over 3 sessions on one key", async () => {
    const before = new Set(h.server.dc(2).sessions);
    const { client } = await loggedInClient(h, transport, { mediaConnections: 3 });
    expect(newSessions(before)).toEqual({ sessions: 1, connections: 1, keys: 1 }); // the main connection
    const bytes = pattern(6 * MIB + 5, 4);
    const uploaded = await client.uploadFile(bytes, { workers: 6 });
    // main + 3 media, each its own connection; the main key and one media key.
    expect(newSessions(before)).toEqual({ sessions: 4, connections: 4, keys: 2 });
    const document = await toDocument(client, uploaded);
    const back = await client.downloadAsBuffer(document, { workers: 6 });
    expect(Buffer.compare(back, bytes)).toBe(0);
    expect(newSessions(before)).toEqual({ sessions: 4, connections: 4, keys: 2 });
    await client.disconnect();
  });

  it("mediaConnections 1 keeps one media connection", async () => {
    const before = new Set(h.server.dc(2).sessions);
    const { client } = await loggedInClient(h, transport, { mediaConnections: 1 });
    const uploaded = await client.uploadFile(pattern(3 * MIB, 2), { workers: 4 });
    expect((await toDocument(client, uploaded)).size).toBe(BigInt(3 * MIB));
    expect(newSessions(before)).toEqual({ sessions: 2, connections: 2, keys: 2 });
    await client.disconnect();
  });
});
