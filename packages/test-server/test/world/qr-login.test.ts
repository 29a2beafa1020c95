import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installWorld, TestServer, type WorldServer } from "../../src/index.js";
import { connectTo, like, loginTestNumber, type WorldClient } from "./world-client.js";

let server: TestServer;
let world: WorldServer;
const closing: WorldClient["driver"][] = [];

beforeAll(async () => {
  server = await TestServer.start({ dcs: 2 });
  world = installWorld(server, { autoDeleteIntervalMs: 0 });
});
afterAll(async () => {
  await Promise.all(closing.map((driver) => driver.close()));
  await server.close();
  world.close();
});

// https://core.telegram.org/api/qr-login
describe("QR-code login", () => {
  it("export on DC 1, accept from a logged-in session, updateLoginToken, migrate to DC 2, import there", async () => {
    const alice = await loginTestNumber(server, "9996620001"); // lives on DC 2
    const fresh = await connectTo(server, 0);
    closing.push(alice.driver, fresh.driver);
    const exported = await fresh.driver.invoke({ _: "auth.exportLoginToken", apiId: 1, apiHash: "x", exceptIds: [] });
    expect(exported).toMatchObject({ _: "auth.loginToken", token: expect.any(Uint8Array) as unknown });
    const token = (exported as { token: Uint8Array }).token;
    await expect(alice.driver.invoke({ _: "auth.acceptLoginToken", token })).resolves.toMatchObject({
      _: "authorization",
    });
    await expect
      .poll(() => fresh.pushed, { timeout: 5000 })
      .toContainEqual(like({ _: "updateShort", update: { _: "updateLoginToken" } }));
    const again = await fresh.driver.invoke({ _: "auth.exportLoginToken", apiId: 1, apiHash: "x", exceptIds: [] });
    expect(again).toMatchObject({ _: "auth.loginTokenMigrateTo", dcId: 2 });
    const onHome = await connectTo(server, 1);
    closing.push(onHome.driver);
    const success = await onHome.driver.invoke({
      _: "auth.importLoginToken",
      token: (again as { token: Uint8Array }).token,
    });
    expect(success).toMatchObject({
      _: "auth.loginTokenSuccess",
      authorization: { _: "auth.authorization", user: { id: alice.userId, self: true } },
    });
    await expect(onHome.driver.invoke({ _: "updates.getState" })).resolves.toMatchObject({ _: "updates.state" });
    // A used token is gone.
    await expect(onHome.driver.invoke({ _: "auth.importLoginToken", token })).rejects.toThrow(/AUTH_TOKEN_EXPIRED/);
  });
});
