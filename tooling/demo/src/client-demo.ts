// Part 2 of the demo, the client: a test server with three DCs and the account slice; a user whose
// account lives on DC 2 logs in from DC 1 with a code and a 2FA password (so PHONE_MIGRATE_2 really
// happens), a bot logs in, the session goes to SQLite and a second run reuses it with no handshake,
// then survives a connection that goes silent mid-call.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStorage, TelegramClient, type ClientStorage } from "@mtkit/client/node";
import { describeClientEvent, MemoryStorage } from "@mtkit/client";
import { installWorld, TestServer } from "@mtkit/test-server";
import { step } from "./step.js";

const PHONE = "+15550100";
const PASSWORD = "correct horse battery staple";
const BOT_TOKEN = "4242:demo-bot-token";

function newClient(server: TestServer, storage: ClientStorage, log: string[]): TelegramClient {
  return new TelegramClient({
    // Short, so the "connection goes silent" step below finishes in about two seconds (default 15 s).
    deadConnectionTimeoutMs: 1500,
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage,
    testServer: server,
    deviceInfo: { deviceModel: "mtkit demo" },
    // The same lines a `logger` would get.
    onEvent: (event) => {
      const line = describeClientEvent(event);
      if (line !== undefined) log.push(line.message);
    },
  });
}

function flush(log: string[]): void {
  for (const line of log.splice(0)) console.log(`             · ${line}`);
}

export async function clientDemo(): Promise<void> {
  console.log("\nPart 2 — the client: three DCs, login with code + 2FA and migration, a bot, SQLite sessions\n");
  const log: string[] = [];
  const server = await step(
    "start test server (3 DCs)",
    () => TestServer.start({ dcs: 3 }),
    (s) => s.endpoints.map((e) => `dc${e.id}:${e.port}`).join(" "),
  );
  const slice = installWorld(server, {
    homeDc: 2,
    users: [{ phone: PHONE, firstName: "Alice", username: "alice", password: PASSWORD }],
    bots: [{ token: BOT_TOKEN, username: "demo_bot", firstName: "Demo bot" }],
  });
  const dir = mkdtempSync(join(tmpdir(), "mtkit-demo-"));
  const file = join(dir, "alice.session");
  try {
    const first = new SqliteStorage(file);
    const alice = newClient(server, first, log);
    const me = await step(
      "user: start() with phone, code and 2FA password",
      () => alice.start({ phone: PHONE, code: () => slice.lastCode(PHONE) ?? "", password: PASSWORD }),
      (user) => `logged in as ${user.firstName ?? ""} (@${user.username ?? ""}), home DC ${alice.homeDcId}`,
    );
    flush(log);
    await step(
      "user: resolve @demo_bot",
      () => alice.resolvePeer("@demo_bot"),
      (peer) => peer._,
    );
    await step(
      "user: disconnect, session saved to SQLite",
      async () => {
        await alice.disconnect();
        await first.close();
      },
      () => file,
    );

    const keysBefore = server.authKeyIds().length;
    const second = new SqliteStorage(file);
    const again = newClient(server, second, log);
    await step(
      "second run: same SQLite session, connect() + getMe()",
      async () => {
        await again.connect();
        return again.getMe();
      },
      (user) => `${user.firstName ?? ""}, same user id: ${String(user.id === me.id)}`,
    );
    flush(log);
    console.log(
      `             · new auth keys on the server: ${server.authKeyIds().length - keysBefore} (the stored keys were reused)`,
    );
    let runs = 0;
    server.handle("help.getCountriesList", () => {
      runs++;
      return { _: "help.countriesListNotModified" as const };
    });
    await step(
      "the connection goes silent mid-call (sleep, NAT)",
      async () => {
        // The server keeps the socket open and reads, but answers nothing: what a dropped NAT entry or
        // a laptop waking up looks like. The watchdog pings, gets no pong, reconnects and resends.
        server.faults.silenceConnections();
        return again.invoke({ _: "help.getCountriesList", langCode: "en", hash: 0 });
      },
      () => `answered; the server ran it ${runs} time(s)`,
    );
    flush(log);
    await again.disconnect();
    await second.close();

    const bot = newClient(server, new MemoryStorage(), log);
    await step(
      "bot: start() with a bot token",
      () => bot.start({ botToken: BOT_TOKEN }),
      (user) => `logged in as @${user.username ?? ""}, home DC ${bot.homeDcId}`,
    );
    flush(log);
    await bot.disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
