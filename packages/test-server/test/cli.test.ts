import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli/parse-cli-args.js";
import { createMtcuteClient } from "./helpers/mtcute.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

interface CliDescription {
  dcs: { id: number; host: string; port: number; wsPort: number | null }[];
  publicKeyPem: string;
  fingerprint: string;
}

function start(args: string[]): { child: ChildProcess; ready: Promise<CliDescription> } {
  const child = spawn(process.execPath, [CLI, "--json", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<CliDescription>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      resolve(JSON.parse(line) as CliDescription);
    });
    child.once("exit", (code) => {
      reject(new Error(`CLI exited with ${code}`));
    });
  });
  return { child, ready };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      resolve(code);
    }),
  );
}

describe("mtkit-test-server CLI", () => {
  it("prints one JSON line, serves mtcute, and stops cleanly on SIGTERM", async () => {
    const { child, ready } = start(["--dcs", "2", "--ws"]);
    const description = await ready;
    expect(description.dcs.map((dc) => dc.id)).toEqual([1, 2]);
    expect(description.dcs.every((dc) => dc.port > 0 && dc.wsPort !== null && dc.wsPort > 0)).toBe(true);
    expect(description.publicKeyPem).toMatch(/^-----BEGIN RSA PUBLIC KEY-----/);
    const server = {
      publicKeyPem: description.publicKeyPem,
      endpoints: description.dcs.map((dc) => ({ ...dc, wsPort: dc.wsPort ?? undefined })),
    };
    const client = createMtcuteClient(server as never);
    try {
      const config = await client.call({ _: "help.getConfig" });
      expect(config.dcOptions.map((o) => o.port)).toContain(description.dcs[1]!.port);
    } finally {
      await client.destroy();
    }
    const exited = exitCode(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("seeds users, bots and a big group from flags and a JSON file into --data, and reports them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mtkit-cli-world-"));
    const seedFile = join(dir, "seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({
        users: [{ phone: "+1 555 0300", firstName: "Zoe" }],
        groups: [{ title: "Friends", memberPhones: ["15550300"] }],
      }),
    );
    const args = [
      "--data",
      join(dir, "data"),
      "--user",
      "+1 555 0200:Ann:ann",
      "--bot",
      "echo_bot=7:tok",
      "--group",
      "Big=20000",
      "--seed",
      seedFile,
    ];
    const { child, ready } = start(args);
    const seeded = (
      (await ready) as CliDescription & {
        seeded: {
          users: { phone: string; username: string | null }[];
          bots: { token: string }[];
          groups: { title: string; members: number }[];
        };
      }
    ).seeded;
    expect(seeded.users).toEqual([
      expect.objectContaining({ phone: "15550200", username: "ann" }),
      expect.objectContaining({ phone: "15550300" }),
    ]);
    expect(seeded.bots).toEqual([expect.objectContaining({ token: "7:tok", username: "echo_bot" })]);
    expect(seeded.groups).toEqual([
      expect.objectContaining({ title: "Big", members: 20_001 }),
      expect.objectContaining({ title: "Friends", members: 2 }),
    ]);
    const exited = exitCode(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Again on the same directory: the same accounts (phones and tokens are reused), the world kept.
    const again = start(["--data", join(dir, "data"), "--user", "+1 555 0200:Ann:ann"]);
    const second = ((await again.ready) as CliDescription & { seeded: { users: { id: string }[] } }).seeded;
    expect(second.users[0]?.id).toBe((seeded.users[0] as unknown as { id: string }).id);
    const stopped = exitCode(again.child);
    again.child.kill("SIGTERM");
    expect(await stopped).toBe(0);
  });

  it("loads --key and reports that key's fingerprint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mtkit-cli-"));
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const file = join(dir, "key.pem");
    writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }));
    const first = start(["--key", file]);
    const second = start(["--key", file]);
    const [a, b] = await Promise.all([first.ready, second.ready]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.publicKeyPem).toBe(b.publicKeyPem);
    const exits = [exitCode(first.child), exitCode(second.child)];
    first.child.kill("SIGINT");
    second.child.kill("SIGTERM");
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });

  it("rejects bad arguments with a usage error", () => {
    expect(() => parseCliArgs(["--dcs", "0"])).toThrow(/--dcs/);
    expect(() => parseCliArgs(["--port", "70000"])).toThrow(/--port/);
    expect(() => parseCliArgs(["--secret", "xyz"])).toThrow(/hex/);
    expect(() => parseCliArgs(["--nope"])).toThrow(/nope/);
    expect(
      parseCliArgs(["--port", "4430", "--dcs", "3", "--ws", "--http", "--secret", "dd00", "--secret", "ee11"]),
    ).toMatchObject({
      port: 4430,
      dcs: 3,
      ws: true,
      http: true,
      secrets: ["dd00", "ee11"],
      host: "127.0.0.1",
      json: false,
    });
  });
});
