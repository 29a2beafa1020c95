import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RpcError } from "../../src/errors/rpc-error.js";
import { countEvents, makeClient, startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    users: [
      { phone: "+1 555 0100", firstName: "Alice", username: "alice" },
      { phone: "+1 555 0101", firstName: "Bob", username: "bob", password: "hunter2", passwordHint: "the usual" },
    ],
    bots: [{ token: "42:bot-token", username: "helper_bot", firstName: "Helper" }],
  });
});
afterAll(async () => {
  await h.close();
});

// Every case runs over TCP (obfuscated intermediate, the Node default) and over WebSocket.
describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  const makeOver: typeof makeClient = (server, options) => makeClient(server, { ws: transport === "ws", ...options });

  describe("login against the test server (accounts live on DC 2, clients start on DC 1)", () => {
    it("bot token: USER_MIGRATE_2 moves the home DC, storage remembers it", async () => {
      const { client, events, storage } = makeOver(h.server);
      await client.connect();
      const me = await client.signInBot("42:bot-token");
      expect(me).toMatchObject({ bot: true, username: "helper_bot", self: true });
      expect(client.homeDcId).toBe(2);
      expect(await storage.session.getHomeDc()).toMatchObject({ id: 2 });
      expect(await storage.session.getSelf()).toEqual({ userId: me.id, isBot: true });
      expect(events.find((e) => e.type === "migrate")).toMatchObject({
        error: "USER_MIGRATE_2",
        fromDc: 1,
        toDc: 2,
        scope: "home",
      });
      expect((await client.getMe()).id).toBe(me.id);
      await client.disconnect();
    });

    it("a wrong bot token is a typed RpcError", async () => {
      const { client } = makeOver(h.server);
      await client.connect();
      await expect(client.signInBot("nope")).rejects.toMatchObject({ name: "ACCESS_TOKEN_INVALID", code: 400 });
      await client.disconnect();
    });

    it("phone + code: PHONE_MIGRATE_2, then signIn on DC 2", async () => {
      const { client, events } = makeOver(h.server);
      await client.connect();
      const sent = await client.sendCode("+1 555 0100");
      expect(client.homeDcId).toBe(2);
      await expect(client.signIn(sent, "00000")).rejects.toMatchObject({ name: "PHONE_CODE_INVALID" });
      const me = await client.signIn(sent, h.slice.lastCode("+15550100")!);
      expect(me).toMatchObject({ firstName: "Alice", self: true, phone: "15550100" });
      expect(countEvents(events, "migrate")).toBe(1);
      await client.disconnect();
    });

    it("a new number: signIn says sign-up required, signUp creates the account", async () => {
      const { client } = makeOver(h.server);
      await client.connect();
      // A number of its own per transport: the first run signs it up.
      const last = transport === "tcp" ? "0199" : "0198";
      const sent = await client.sendCode(`+1 555 ${last}`);
      await expect(client.signIn(sent, h.slice.lastCode(`1555${last}`)!)).rejects.toMatchObject({
        code: "SIGN_UP_REQUIRED",
      });
      const me = await client.signUp(sent, "Carol", "New");
      expect(me).toMatchObject({ firstName: "Carol", lastName: "New", self: true });
      expect(h.slice.userByPhone(`1555${last}`)?.id).toBe(me.id);
      await client.disconnect();
    });

    it("2FA: SESSION_PASSWORD_NEEDED, a wrong password is refused, the right one (SRP) logs in", async () => {
      const { client } = makeOver(h.server);
      await client.connect();
      const sent = await client.sendCode("+15550101");
      const error: unknown = await client.signIn(sent, h.slice.lastCode("15550101")!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect(error).toMatchObject({ name: "SESSION_PASSWORD_NEEDED", code: 401 });
      await expect(client.getMe()).rejects.toMatchObject({ name: "AUTH_KEY_UNREGISTERED" });
      await expect(client.checkPassword("wrong")).rejects.toMatchObject({ name: "PASSWORD_HASH_INVALID" });
      const me = await client.checkPassword("hunter2");
      expect(me).toMatchObject({ firstName: "Bob", self: true });
      expect((await client.getMe()).id).toBe(me.id);
      await client.disconnect();
    });

    it("start() asks for phone, code and password through callbacks, and skips login when the session is valid", async () => {
      const { client, storage } = makeOver(h.server);
      const asked: string[] = [];
      const me = await client.start({
        phone: () => {
          asked.push("phone");
          return "+15550101";
        },
        code: () => {
          asked.push("code");
          return h.slice.lastCode("15550101")!;
        },
        password: (hint) => {
          asked.push(`password (${String(hint)})`);
          return "hunter2";
        },
      });
      expect(me.firstName).toBe("Bob");
      expect(asked).toEqual(["phone", "code", "password (the usual)"]);
      await client.disconnect();

      const again = makeOver(h.server, { storage });
      const same = await again.client.start({ phone: () => Promise.reject(new Error("must not ask")) });
      expect(same.id).toBe(me.id);
      expect(again.client.homeDcId).toBe(2);
      await again.client.disconnect();
    });

    it("logOut forgets the authorization and the keys", async () => {
      const { client, storage } = makeOver(h.server);
      await client.start({ botToken: "42:bot-token" });
      const before = h.slice.authorizationCount;
      await client.logOut();
      expect(h.slice.authorizationCount).toBe(before - 1);
      expect(await storage.authKeys.getPermanent(2)).toBeNull();
      expect(await storage.session.getSelf()).toBeNull();
      await client.connect();
      await expect(client.getMe()).rejects.toMatchObject({ code: 401 });
      await client.disconnect();
    });

    it("logs a bot in over WebSocket", async () => {
      const { client } = makeOver(h.server, { ws: true });
      const me = await client.start({ botToken: "42:bot-token" });
      expect(me.username).toBe("helper_bot");
      expect(client.homeDcId).toBe(2);
      await client.disconnect();
    });
  });
});
