import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installWorld, TestServer, type WorldServer } from "../src/index.js";
import { Api, createGramJsClient } from "./helpers/gramjs.js";
import { withMtcuteClient } from "./helpers/mtcute.js";

// Issue 16: each peer is answered in its own layer (mtcute 227, GramJS 198), so its own parser reads
// the login answers. A test number 99966XYYYY lives on DC X and signs in with code X×5.
let server: TestServer;
let world: WorldServer;
const logs: string[] = [];
beforeAll(async () => {
  server = await TestServer.start({ onLog: (line) => logs.push(line) });
  world = installWorld(server, { autoDeleteIntervalMs: 0 });
});
afterAll(async () => {
  await server.close();
  world.close();
});

describe("login in the client's own layer", () => {
  it("mtcute (layer 227): sendCode, signIn, users.getUsers, getFullUser, updates.getState, help.getConfig", async () => {
    await withMtcuteClient(server, async (client) => {
      const phoneNumber = "9996610201";
      const sent = await client.call({
        _: "auth.sendCode",
        phoneNumber,
        apiId: 1,
        apiHash: "0".repeat(32),
        settings: { _: "codeSettings" },
      });
      if (sent._ !== "auth.sentCode") throw new Error(`unexpected ${sent._}`);
      const auth = await client.call({
        _: "auth.signIn",
        phoneNumber,
        phoneCodeHash: sent.phoneCodeHash,
        phoneCode: "11111",
      });
      if (auth._ !== "auth.authorization") throw new Error(`unexpected ${auth._}`);
      expect(auth.user).toMatchObject({ _: "user", self: true, phone: phoneNumber });
      const [self] = await client.call({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] });
      expect(self).toMatchObject({ _: "user", id: auth.user.id });
      const full = await client.call({ _: "users.getFullUser", id: { _: "inputUserSelf" } });
      expect(full.fullUser.id).toBe(auth.user.id);
      const state = await client.call({ _: "updates.getState" });
      expect(state._).toBe("updates.state");
      const config = await client.call({ _: "help.getConfig" });
      expect(config.thisDc).toBe(1);
    });
  });

  it("GramJS (layer 198): sendCode, signIn, users.getUsers, getFullUser, updates.getState", async () => {
    const client = createGramJsClient(server, { connection: "abridged" });
    try {
      await client.connect();
      const phoneNumber = "9996610202";
      const sent = await client.invoke(
        new Api.auth.SendCode({ phoneNumber, apiId: 1, apiHash: "0".repeat(32), settings: new Api.CodeSettings({}) }),
      );
      if (!(sent instanceof Api.auth.SentCode)) throw new Error(`unexpected ${sent.className}`);
      const auth = await client.invoke(
        new Api.auth.SignIn({ phoneNumber, phoneCodeHash: sent.phoneCodeHash, phoneCode: "11111" }),
      );
      if (!(auth instanceof Api.auth.Authorization)) throw new Error(`unexpected ${auth.className}`);
      expect(auth.user.className).toBe("User");
      const user = auth.user as InstanceType<typeof Api.User>;
      expect(user.phone).toBe(phoneNumber);
      expect(user.self).toBe(true);
      const [self] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
      expect(self?.className).toBe("User");
      const full = await client.invoke(new Api.users.GetFullUser({ id: new Api.InputUserSelf() }));
      expect(full.fullUser.id.toString()).toBe(user.id.toString());
      const state = await client.invoke(new Api.updates.GetState());
      expect(state.className).toBe("updates.State");
    } finally {
      await client.destroy();
    }
  });

  it("logs nothing for layers it has", () => {
    expect(logs).toEqual([]);
  });
});
