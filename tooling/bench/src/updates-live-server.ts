// The test server of the live-updates and fan-out benchmarks, in a child process of its own (run
// with tsx): one DC with the world, a sender account, and a control channel on stdin so the parent
// can have the sender post without the sender's client work landing on anybody's event loop.
// stdin lines: `send <userId> <count>` (private messages from the sender, pushed to the receiver's
// online sessions as updateShortMessage), `post <count>` (one post each into the channel seeded by
// `channel <memberIds,...>`), `logins <count>` (that many accounts logged in on seeded auth keys, no
// handshakes: `{ logins: [{ id, key (hex), salt }] }`), `fanout` (one post into a channel of every
// seeded account, with the CPU it took and the RSS). Answers on stdout, one JSON line each; the first
// line is the server info.
// Usage: node --import tsx updates-live-server.ts
import { createInterface } from "node:readline";
import { installWorld, TestServer } from "@mtkit/test-server";

/** The first JSON line this prints once listening. */
export interface LiveServerInfo {
  readonly port: number;
  readonly publicKeyPem: string;
  readonly fingerprint: string;
}

const server = await TestServer.start({ dcs: 1 });
const world = installWorld(server, {
  homeDc: 1,
  // The receiver is measured on pushes: no updatesTooLong however far behind its acks are.
  limits: { sliceSize: 1000, tooLongAfter: 10_000_000, channelTooLongAfter: 10_000_000, pushBacklog: 10_000_000 },
});
const sender = world.addUser({ phone: "+1 555 7100", firstName: "Sender" });
let channelId: bigint | undefined;
const seeded: bigint[] = [];
let fanoutChannel: bigint | undefined;
const info: LiveServerInfo = {
  port: server.endpoints[0]!.port,
  publicKeyPem: server.publicKeyPem,
  fingerprint: server.fingerprint.toString(),
};
console.log(JSON.stringify(info));

// Sending in chunks lets the socket writes of one chunk go out before the next is built.
async function send(userId: bigint, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    world.world.chatMessaging.send(sender.id, { kind: "user", id: userId }, { text: `live ${i}` });
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const [command, a, b] = line.trim().split(" ");
  void (async () => {
    if (command === "send" && a !== undefined && b !== undefined) {
      const cpu = process.cpuUsage();
      await send(BigInt(a), Number(b));
      const used = process.cpuUsage(cpu);
      console.log(JSON.stringify({ sent: Number(b), cpuMs: (used.user + used.system) / 1000 }));
    } else if (command === "channel" && a !== undefined) {
      const ids = a
        .split(",")
        .filter((id) => id !== "")
        .map((id) => BigInt(id));
      channelId = world.addChannel({ title: "Fan-out", memberIds: [sender.id, ...ids] }).id;
      console.log(JSON.stringify({ channel: channelId.toString() }));
    } else if (command === "logins" && a !== undefined) {
      const logins = Array.from({ length: Number(a) }, (_, i) => {
        const phone = `+1 556 ${String(seeded.length).padStart(6, "0")}`;
        const account = world.addUser({ phone, firstName: `Online ${String(i)}` });
        seeded.push(account.id);
        const login = world.seedLogin(account.id);
        return {
          id: account.id.toString(),
          key: Buffer.from(login.authKey).toString("hex"),
          salt: login.serverSalt.toString(),
        };
      });
      console.log(JSON.stringify({ logins, rssBytes: process.memoryUsage().rss }));
    } else if (command === "fanout") {
      fanoutChannel ??= world.addChannel({ title: "Fan-out", creatorId: sender.id, memberIds: seeded }).id;
      const rssBefore = process.memoryUsage().rss;
      const cpu = process.cpuUsage();
      world.world.channels.post(sender.id, fanoutChannel, { text: "fan-out post" });
      const used = process.cpuUsage(cpu);
      await new Promise((resolve) => setImmediate(resolve));
      const rssBytes = process.memoryUsage().rss;
      console.log(JSON.stringify({ posted: 1, cpuMs: (used.user + used.system) / 1000, rssBefore, rssBytes }));
    } else if (command === "post" && channelId !== undefined) {
      const cpu = process.cpuUsage();
      world.world.chatMessaging.send(sender.id, { kind: "channel", id: channelId }, { text: "fan-out post" });
      await new Promise((resolve) => setImmediate(resolve));
      const used = process.cpuUsage(cpu);
      console.log(JSON.stringify({ posted: 1, cpuMs: (used.user + used.system) / 1000 }));
    } else {
      console.log(JSON.stringify({ error: `bad command ${line}` }));
    }
  })().catch((error: unknown) => {
    console.log(JSON.stringify({ error: String(error) }));
  });
});
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
