import { describe, expect, it } from "vitest";
import { worldPerFile } from "./helpers/world-per-file.js";
import { Api, createGramJsClient, gramJsSignIn } from "./helpers/gramjs.js";
import { mtcuteSignIn, withMtcuteClient } from "./helpers/mtcute.js";

// Issue 16: each peer is answered in its own layer (mtcute 227, GramJS 198), so its own parser reads
// the login answers. A test number 99966XYYYY lives on DC X and signs in with code X×5.
const logs: string[] = [];
const fixture = worldPerFile({ onLog: (line) => logs.push(line) }, { autoDeleteIntervalMs: 0 });

describe("login in the client's own layer", () => {
  it("mtcute (layer 227): sendCode, signIn, users.getUsers, getFullUser, updates.getState, help.getConfig", async () => {
    await withMtcuteClient(fixture.server, async (client) => {
      const phoneNumber = "9996610201";
      const auth = await mtcuteSignIn(client, phoneNumber);
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
    const client = createGramJsClient(fixture.server, { connection: "abridged" });
    try {
      await client.connect();
      const phoneNumber = "9996610202";
      const auth = await gramJsSignIn(client, phoneNumber);
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

  it("bots: mtcute and GramJS import a bot token and read the bot user", async () => {
    fixture.world.addBot({ token: "4242:layers-bot", username: "layers_bot", firstName: "Layers" });
    await withMtcuteClient(fixture.server, async (client) => {
      const auth = await client.call({
        _: "auth.importBotAuthorization",
        flags: 0,
        apiId: 1,
        apiHash: "0".repeat(32),
        botAuthToken: "4242:layers-bot",
      });
      expect(auth).toMatchObject({ _: "auth.authorization", user: { _: "user", bot: true, username: "layers_bot" } });
    });
    const gramjs = createGramJsClient(fixture.server, { connection: "abridged" });
    try {
      await gramjs.connect();
      const auth = await gramjs.invoke(
        new Api.auth.ImportBotAuthorization({ flags: 0, apiId: 1, apiHash: "x", botAuthToken: "4242:layers-bot" }),
      );
      if (!(auth instanceof Api.auth.Authorization)) throw new Error(`unexpected ${auth.className}`);
      expect(auth.user).toMatchObject({ bot: true, username: "layers_bot" });
    } finally {
      await gramjs.destroy();
    }
  });

  it("logs nothing for layers it has", () => {
    expect(logs).toEqual([]);
  });
});
