import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import { runEchoBot } from "../../examples/echo-bot.js";
import { incoming } from "../../src/events/index.js";
import type { Message } from "../../src/messages/message.js";
import type { Harness } from "../client/harness.js";
import { crypto } from "../client/harness.js";
import { BOT, loginUser, startWorld, USERS, waitFor } from "./world-harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startWorld();
});
afterAll(async () => {
  await h.close();
});

it("the README shows the echo bot exactly as the example runs it", () => {
  const example = readFileSync(new URL("../../examples/echo-bot.ts", import.meta.url), "utf8");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const body = /\/\/ README:start\n([\s\S]*?)\s*\/\/ README:end/.exec(example)?.[1] ?? "";
  const lines = body.split("\n").map((line) => line.replace(/^ {2}/, ""));
  expect(lines.length).toBeLessThanOrEqual(15);
  expect(readme).toContain(lines.join("\n"));
});

describe.each(["tcp", "ws"] as const)("the echo bot over %s", (transport) => {
  it("answers /start and echoes text with its entities, as a reply", async () => {
    const ws =
      transport === "ws"
        ? {
            transport: () =>
              createWebSocketTransport({
                crypto,
                url: (a: { dcId: number }) => `ws://127.0.0.1:${String(h.server.dc(a.dcId).endpoint.wsPort)}/apiws`,
              }),
          }
        : {};
    const bot = await runEchoBot(BOT.token, { testServer: h.server, ...ws });
    const alice = await loginUser(h, transport, USERS[0].phone);
    try {
      const replies = (count: number) => {
        const got: Message[] = [];
        return waitFor<Message[]>((push) =>
          alice.on(
            "newMessage",
            (m) => {
              got.push(m);
              if (got.length === count) push(got);
            },
            incoming,
          ),
        );
      };
      const greeting = replies(1);
      await alice.sendText(`@${BOT.username}`, "/start friend");
      expect((await greeting)[0]?.text).toBe("Hello friend! I repeat what you say.");
      const echo = replies(1);
      const sent = await alice.sendText(`@${BOT.username}`, "<b>ping</b> 🏓", { parseMode: "html" });
      const [reply] = await echo;
      expect(reply).toMatchObject({
        text: "ping 🏓",
        replyToId: sent.id,
        entities: [{ _: "messageEntityBold", offset: 0, length: 4 }],
      });
    } finally {
      await alice.disconnect();
      await bot.disconnect();
    }
  });
});
