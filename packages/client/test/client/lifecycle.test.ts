import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStorage } from "../../src/storage/sqlite/index.js";
import { countEvents, makeClient, startHarness, type Harness } from "./harness.js";

const CHILD = fileURLToPath(new URL("../fixtures/client-child.ts", import.meta.url));
let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness({ bots: [{ token: "9:token", username: "nine_bot", firstName: "Nine" }] });
  dir = mkdtempSync(join(tmpdir(), "mtkit-client-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("lifecycle", () => {
  it("disconnect() leaves nothing running: a child process sleeping in a FLOOD_WAIT exits by itself", async () => {
    h.server.faults.floodWait("help.getCountriesList", 30);
    const env = {
      ...process.env,
      MTKIT_SERVER: JSON.stringify({ endpoints: h.server.endpoints, publicKeyPem: h.server.publicKeyPem }),
    };
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, join(dir, "child.session")], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    // The flood wait was 30 s: exiting well before proves the sleep, the sockets and the pings were stopped.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).toBe(0);
    expect(output).toContain("pending call: DISCONNECTED");
    expect(output).toContain("disconnected");
  }, 40_000);

  it("SQLite: the second run reuses keys, home DC and login (no handshake, no login)", async () => {
    const path = join(dir, "bot.session");
    const storage = new SqliteStorage(path);
    const first = makeClient(h.server, { storage });
    const me = await first.client.start({ botToken: "9:token" });
    expect(countEvents(first.events, "auth_key_created")).toBeGreaterThan(0);
    await first.client.disconnect();
    await storage.close();

    const reopened = new SqliteStorage(path);
    const second = makeClient(h.server, { storage: reopened });
    const again = await second.client.start({ botToken: () => Promise.reject(new Error("must not log in again")) });
    expect(again.id).toBe(me.id);
    expect(countEvents(second.events, "auth_key_created")).toBe(0);
    expect(countEvents(second.events, "migrate")).toBe(0);
    expect(second.client.homeDcId).toBe(2);
    await second.client.disconnect();
    await reopened.close();
  });

  it("PFS: the temporary key is renewed before it expires, and calls keep working", async () => {
    const { client, events } = makeClient(h.server, { pfs: { tempKeyLifetimeSeconds: 4, renewBeforeSeconds: 2 } });
    await client.connect();
    const first = events.find((e) => e.type === "temp_key_bound");
    expect(first).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const bound = events.filter((e) => e.type === "temp_key_bound");
    expect(bound.length).toBeGreaterThanOrEqual(2);
    expect(countEvents(events, "auth_key_created")).toBe(1 + bound.length);
    const nearest = await client.invoke({ _: "help.getNearestDc" });
    expect(nearest.thisDc).toBe(1);
    await client.disconnect();
  }, 15_000);
});
