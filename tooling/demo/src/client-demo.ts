// Part 2 of the demo, the client: a test server with three DCs and the account slice; a user whose
// account lives on DC 2 logs in from DC 1 with a code and a 2FA password (so PHONE_MIGRATE_2 really
// happens), a bot logs in, the session goes to SQLite and a second run reuses it with no handshake.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStorage, TelegramClient, type ClientEvent, type ClientStorage } from "@mtkit/client/node";
import { MemoryStorage } from "@mtkit/client";
import { installAccountSlice, TestServer } from "@mtkit/test-server";
import { step } from "./step.js";

const PHONE = "+15550100";
const PASSWORD = "correct horse battery staple";
const BOT_TOKEN = "4242:demo-bot-token";

function describeEvent(event: ClientEvent): string | undefined {
  switch (event.type) {
    case "auth_key_created":
      return `new ${event.temporary ? "temporary" : "permanent"} auth key on DC ${event.dcId}`;
    case "temp_key_bound":
      return `temporary key bound on DC ${event.dcId} (PFS)`;
    case "migrate":
      return `${event.error}: DC ${event.fromDc} -> DC ${event.toDc} (${event.scope})`;
    case "authorization_imported":
      return `authorization imported on DC ${event.dcId}`;
    default:
      return undefined;
  }
}

function newClient(server: TestServer, storage: ClientStorage, log: string[]): TelegramClient {
  return new TelegramClient({
    apiId: 1,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage,
    testServer: server,
    deviceInfo: { deviceModel: "mtkit demo" },
    onEvent: (event) => {
      const text = describeEvent(event);
      if (text !== undefined) log.push(text);
    },
  });
}

function flush(log: string[]): void {
  for (const line of log.splice(0)) console.log(`             · ${line}`);
}

export async function clientDemo(): Promise<void> {
  console.log("\nPart 2 — the client: three DCs, login with code + 2FA and migration, a bot, SQLite sessions\n");
  const log: string[] = [];
  const server = await step("start test server (3 DCs)", () => TestServer.start({ dcs: 3 }), (s) => s.endpoints.map((e) => `dc${e.id}:${e.port}`).join(" "));
  const slice = installAccountSlice(server, {
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
    await step("user: resolve @demo_bot", () => alice.resolvePeer("@demo_bot"), (peer) => peer._);
    await step("user: disconnect, session saved to SQLite", async () => {
      await alice.disconnect();
      await first.close();
    }, () => file);

    const keysBefore = server.authKeyIds().length;
    const second = new SqliteStorage(file);
    const again = newClient(server, second, log);
    await step("second run: same SQLite session, connect() + getMe()", async () => {
      await again.connect();
      return again.getMe();
    }, (user) => `${user.firstName ?? ""}, same user id: ${String(user.id === me.id)}`);
    flush(log);
    console.log(`             · new auth keys on the server: ${server.authKeyIds().length - keysBefore} (the stored keys were reused)`);
    await again.disconnect();
    await second.close();

    const bot = newClient(server, new MemoryStorage(), log);
    await step("bot: start() with a bot token", () => bot.start({ botToken: BOT_TOKEN }), (user) => `logged in as @${user.username ?? ""}, home DC ${bot.homeDcId}`);
    flush(log);
    await bot.disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}
