// A logged-in account over a real socket: session's driver on a fresh key, test-number login, pushed updates collected.
import type { SessionDriver } from "@mtkit/session";
import type { TypeInputPeer } from "@mtkit/tl-core/api";
import { expect } from "vitest";
import type { DcAddress } from "@mtkit/transport-tcp/transport";
import type { TestServer } from "../../src/index.js";
import { createKey, openDriver } from "../helpers/mtkit-client.js";

export interface WorldClient {
  readonly driver: SessionDriver<DcAddress>;
  readonly pushed: unknown[];
  readonly userId: bigint;
  readonly accessHash: bigint;
}

/** A session on DC `dcIndex + 1` with a fresh key, not logged in; pushed updates collected. */
export async function connectTo(
  server: TestServer,
  dcIndex = 0,
): Promise<{ driver: SessionDriver<DcAddress>; pushed: unknown[] }> {
  const pushed: unknown[] = [];
  const driver = await openDriver(server, await createKey(server, { dcIndex }), {
    dcIndex,
    onEvent: (event) => {
      if (event.type === "update") pushed.push(event.update);
    },
  });
  return { driver, pushed };
}

/** Logs in with a test number 99966XYYYY (code X five times) on DC X (the server's X-th DC). */
export async function loginTestNumber(server: TestServer, phone: string): Promise<WorldClient> {
  const { driver, pushed } = await connectTo(server, Number(phone[5]) - 1);
  const sent = (await driver.invoke({
    _: "auth.sendCode",
    phoneNumber: phone,
    apiId: 1,
    apiHash: "x",
    settings: { _: "codeSettings" },
  })) as { phoneCodeHash: string };
  const code = phone[5]!.repeat(5);
  const auth = (await driver.invoke({
    _: "auth.signIn",
    phoneNumber: phone,
    phoneCodeHash: sent.phoneCodeHash,
    phoneCode: code,
  })) as { user: { id: bigint; accessHash: bigint } };
  return { driver, pushed, userId: auth.user.id, accessHash: auth.user.accessHash };
}

export const inputPeer = (client: WorldClient): TypeInputPeer => ({
  _: "inputPeerUser",
  userId: client.userId,
  accessHash: client.accessHash,
});

/** expect.objectContaining, typed as unknown so nested matchers stay type-safe. */
export const like = (shape: object): unknown => expect.objectContaining(shape);
export const anyNumber: unknown = expect.any(Number);
