import type { RawUser } from "@mtkit/tl-core/api";
import type { LoginClient } from "./login-client.js";
import { completeAuthorization } from "./authorization.js";

/** auth.importBotAuthorization (https://core.telegram.org/method/auth.importBotAuthorization); USER_MIGRATE_X is followed. */
export async function signInBot(client: LoginClient, botToken: string): Promise<RawUser> {
  const authorization = await client.invoke({
    _: "auth.importBotAuthorization",
    flags: 0,
    apiId: client.apiId,
    apiHash: client.apiHash,
    botAuthToken: botToken,
  });
  return completeAuthorization(client, authorization, "");
}
