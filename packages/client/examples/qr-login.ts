// QR-code login with the code drawn in the terminal:
//   pnpm --filter @mtkit/client exec tsx examples/qr-login.ts
// It runs against a local @mtkit/test-server whose handlers play the phone that scans the code
// (https://core.telegram.org/api/qr-login); point `dcs` at Telegram and drop the server for real use.
import { TestServer } from "@mtkit/test-server";
import type { auth_TypeLoginToken } from "@mtkit/tl-core/api";
import { renderUnicodeCompact } from "uqr";
import { MemoryStorage, TelegramClient } from "../src/node/index.js";

/** The login URL as a QR code of half-block characters (two modules per character row). */
export function terminalQr(url: string): string {
  return renderUnicodeCompact(url, { border: 2 });
}

async function main(): Promise<void> {
  const server = await TestServer.start({ dcs: 1 });
  let scanned = false;
  server.handle("auth.exportLoginToken", (): auth_TypeLoginToken => {
    if (scanned)
      return {
        _: "auth.loginTokenSuccess",
        authorization: { _: "auth.authorization", user: { _: "user", id: 1n, firstName: "Scanned", self: true } },
      };
    return {
      _: "auth.loginToken",
      expires: Math.floor(Date.now() / 1000) + 30,
      token: crypto.getRandomValues(new Uint8Array(32)),
    };
  });
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    testServer: server,
  });
  await client.connect();
  const me = await client.loginWithQr({
    onToken: (url, expiresAt) => {
      console.log(
        `${terminalQr(url)}\nScan with Telegram (Settings > Devices > Link Desktop Device) before ${new Date(expiresAt * 1000).toLocaleTimeString()}:\n${url}`,
      );
      // The test server's "phone" scans after two seconds.
      setTimeout(() => {
        scanned = true;
        server.pushUpdates({
          _: "updateShort",
          update: { _: "updateLoginToken" },
          date: Math.floor(Date.now() / 1000),
        });
      }, 2000);
    },
  });
  console.log(`logged in as ${me._ === "user" ? (me.firstName ?? "") : "?"}`);
  await client.disconnect();
  await server.close();
}

if (process.argv[1]?.endsWith("qr-login.ts") === true) await main();
