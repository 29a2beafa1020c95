// Restart with SQLite state, in a child process: killed mid-catch-up it resumes from the last
// saved slice (at-least-once: only the batch in flight comes again); stopped with SIGTERM it
// resumes with no duplicate at all.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";
import { ScriptedUpdates, until } from "./scripted-updates.js";
import { linesOf, runUpdatesChild, type UpdatesChild } from "./updates-child-process.js";

const TOKEN = "52:restart";
let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness({ bots: [{ token: TOKEN, username: "restart_bot", firstName: "Restart" }] });
  dir = mkdtempSync(join(tmpdir(), "mtkit-updates-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const runChild = (session: string, out: string, delayMs: number): UpdatesChild =>
  runUpdatesChild(h, TOKEN, { session, out }, { MTKIT_SINK_DELAY_MS: String(delayMs) });

describe("updates engine: restart with SQLite state", () => {
  it("killed mid-catch-up: the restart delivers the rest; only the batch in flight comes twice", async () => {
    const box = new ScriptedUpdates(h.server);
    box.sliceSize = 10;
    const session = join(dir, "killed.session");
    const out = join(dir, "killed.txt");
    // First run: log in and take the state, then leave.
    const first = runChild(session, out, 0);
    await until(() => first.stdout().includes("ready"), "the first run to log in", 20_000);
    first.child.kill("SIGTERM");
    await first.exited;

    const expected = Array.from({ length: 200 }, (_, i) => `m${i}`);
    for (const text of expected) box.newMessage(text);
    const second = runChild(session, out, 40);
    await until(() => linesOf(out).length >= 45, "part of the catch-up", 30_000);
    second.child.kill("SIGKILL");
    await second.exited;
    const beforeKill = linesOf(out);
    expect(beforeKill.length).toBeLessThan(200);

    const third = runChild(session, out, 0);
    await until(() => new Set(linesOf(out)).size >= 200, "the rest after the restart", 30_000);
    third.child.kill("SIGTERM");
    await third.exited;
    const all = linesOf(out);
    // Nothing lost, order kept from the restart point on, and at most one slice delivered twice.
    expect(new Set(all)).toEqual(new Set(expected));
    const duplicates = all.length - 200;
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(box.sliceSize);
    const afterRestart = all.slice(beforeKill.length);
    expect(afterRestart).toEqual(expected.slice(expected.indexOf(afterRestart[0]!)));
    // The restart starts at or before the first line it had not written (the saved slice boundary).
    expect(expected.indexOf(afterRestart[0]!)).toBeLessThanOrEqual(beforeKill.length);
  }, 90_000);

  it("stopped gracefully (SIGTERM) mid-stream: the restart delivers the rest with no duplicate", async () => {
    const box = new ScriptedUpdates(h.server);
    box.sliceSize = 10;
    const session = join(dir, "graceful.session");
    const out = join(dir, "graceful.txt");
    const first = runChild(session, out, 0);
    await until(() => first.stdout().includes("ready"), "the first run to log in", 20_000);
    first.child.kill("SIGTERM");
    await first.exited;

    const expected = Array.from({ length: 120 }, (_, i) => `g${i}`);
    for (const text of expected) box.newMessage(text);
    const second = runChild(session, out, 40);
    await until(() => linesOf(out).length >= 30, "part of the catch-up", 30_000);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toContain("stopped");

    const third = runChild(session, out, 0);
    await until(() => linesOf(out).length >= 120, "the rest after the restart", 30_000);
    third.child.kill("SIGTERM");
    await third.exited;
    expect(linesOf(out)).toEqual(expected);
  }, 90_000);
});
