import type { RawUser } from "@mtkit/tl-core/api";
import type { LoginClient } from "./login-client.js";
import { completeAuthorization } from "./authorization.js";

/** What auth.sendCode gave back, needed by signIn / signUp. */
export interface SentCode {
  readonly phone: string;
  readonly phoneCodeHash: string;
  /** How the code was delivered, e.g. `auth.sentCodeTypeApp`. */
  readonly type: string;
}

/** auth.sendCode (https://core.telegram.org/api/auth#sending-the-verification-code). PHONE_MIGRATE_X moves the home DC on its own. */
export async function sendCode(client: LoginClient, phone: string): Promise<SentCode> {
  const sent = await client.invoke({
    _: "auth.sendCode",
    phoneNumber: phone,
    apiId: client.apiId,
    apiHash: client.apiHash,
    settings: { _: "codeSettings" },
  });
  if (sent._ !== "auth.sentCode") throw new TypeError(`unexpected ${sent._}: this client does not handle it yet`);
  return { phone, phoneCodeHash: sent.phoneCodeHash, type: sent.type._ };
}

/**
 * auth.signIn. Throws `SignUpRequiredError` for a new number, and `RpcError` SESSION_PASSWORD_NEEDED
 * when the account has 2FA (then call `checkPassword`).
 */
export async function signIn(client: LoginClient, sent: SentCode, code: string): Promise<RawUser> {
  const authorization = await client.invoke({
    _: "auth.signIn",
    phoneNumber: sent.phone,
    phoneCodeHash: sent.phoneCodeHash,
    phoneCode: code,
  });
  return completeAuthorization(client, authorization, sent.phone);
}

/** auth.signUp for a number without an account (after signIn said so). */
export async function signUp(client: LoginClient, sent: SentCode, firstName: string, lastName = ""): Promise<RawUser> {
  const authorization = await client.invoke({
    _: "auth.signUp",
    phoneNumber: sent.phone,
    phoneCodeHash: sent.phoneCodeHash,
    firstName,
    lastName,
  });
  return completeAuthorization(client, authorization, sent.phone);
}
