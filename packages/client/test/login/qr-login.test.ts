import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RpcError, TestServer } from "@mtkit/test-server";
import type { auth_TypeLoginToken, RawUser } from "@mtkit/tl-core/api";
import { QrLoginError } from "../../src/client/login/qr-login.js";
import { crypto, makeClient } from "../client/harness.js";

// QR login (https://core.telegram.org/api/qr-login) against scripted handlers of a real TestServer:
// the world does not model a second, scanning app, so the test plays the server's side.
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ dcs: 2, ws: true, crypto });
});
afterAll(async () => {
  await server.close();
});

const user: RawUser = { _: "user", id: 4242n, accessHash: 99n, firstName: "Quinn", self: true };
const now = (): number => Math.floor(Date.now() / 1000);

describe.each(["tcp", "ws"] as const)("loginWithQr over %s", (transport) => {
  it("shows a token, renews it when it expires, and follows loginTokenMigrateTo to DC 2", async () => {
    const calls: string[] = [];
    let scanned = false;
    let exports = 0;
    server.handle("auth.exportLoginToken", (request, ctx): auth_TypeLoginToken => {
      calls.push(`export@${String(ctx.dcId)}:${String(request.apiId)}`);
      exports += 1;
      if (scanned) return { _: "auth.loginTokenMigrateTo", dcId: 2, token: new Uint8Array([9, 9]) };
      // The first token expires at once, so the client must ask for a new one.
      return {
        _: "auth.loginToken",
        expires: exports === 1 ? now() : now() + 30,
        token: new Uint8Array([0xfb, 0xff, exports]),
      };
    });
    server.handle("auth.importLoginToken", (request, ctx): auth_TypeLoginToken => {
      calls.push(`import@${String(ctx.dcId)}:${Array.from(request.token).join(",")}`);
      return { _: "auth.loginTokenSuccess", authorization: { _: "auth.authorization", user } };
    });
    const { client, storage } = makeClient(server, { ws: transport === "ws" });
    await client.connect();
    const urls: string[] = [];
    const me = await client.loginWithQr({
      onToken: (url) => {
        urls.push(url);
        if (urls.length === 2) {
          // Another app accepts the second token: the server pushes updateLoginToken.
          setTimeout(() => {
            scanned = true;
            server.pushUpdates({ _: "updateShort", update: { _: "updateLoginToken" }, date: now() });
          }, 50);
        }
      },
    });
    expect(urls).toEqual(["tg://login?token=-_8B", "tg://login?token=-_8C"]);
    expect(me).toMatchObject({ id: 4242n, firstName: "Quinn" });
    expect(calls).toEqual(["export@1:12345", "export@1:12345", "export@1:12345", "import@2:9,9"]);
    expect(client.homeDcId).toBe(2);
    expect(await storage.session.getSelf()).toEqual({ userId: 4242n, isBot: false });
    expect(await storage.session.getHomeDc()).toMatchObject({ id: 2 });
    await client.disconnect();
  });

  it("a 2FA account without a password callback is a typed error; the signal stops the wait", async () => {
    server.handle("auth.exportLoginToken", () => {
      throw new RpcError(401, "SESSION_PASSWORD_NEEDED");
    });
    const { client } = makeClient(server, { ws: transport === "ws" });
    await client.connect();
    await expect(client.loginWithQr({ onToken: () => undefined })).rejects.toBeInstanceOf(QrLoginError);

    server.handle("auth.exportLoginToken", (): auth_TypeLoginToken => ({
      _: "auth.loginToken",
      expires: now() + 60,
      token: new Uint8Array([1]),
    }));
    const controller = new AbortController();
    const login = client.loginWithQr({
      onToken: () =>
        void setTimeout(() => {
          controller.abort();
        }, 20),
      signal: controller.signal,
    });
    await expect(login).rejects.toThrow();
    await client.disconnect();
  });
});

it("the example draws the login URL as a square terminal QR code", async () => {
  const { terminalQr } = await import("../../examples/qr-login.js");
  const lines = terminalQr("tg://login?token=lqByzCeS3tAjjJoyjpCsYcoGSpw9820ZweOA-PoDrFw").split("\n");
  expect(lines.length).toBeGreaterThan(10);
  expect(new Set(lines.map((line) => Array.from(line).length)).size).toBe(1);
});
