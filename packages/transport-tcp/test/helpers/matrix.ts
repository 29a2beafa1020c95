import type { ClientConnectionOptions } from "../../src/codec/client-connection.js";
import type { FramingProtocol } from "../../src/codec/frame.js";
import type { ServerConnectionOptions } from "../../src/codec/server-connection.js";
import type { TransportCrypto } from "../../src/codec/crypto.js";

export const SIMPLE_SECRET = "00112233445566778899aabbccddeeff";
export const SECURED_SECRET = "ddf05fb7acb549be047a7c585116581418";
export const FAKE_TLS_SECRET = "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d";

export type ObfuscationMode = "plain" | "obfuscated" | "secret" | "dd-secret" | "ee-fake-tls";

export interface Combination {
  readonly name: string;
  readonly protocol: FramingProtocol;
  readonly mode: ObfuscationMode;
  /** What the server should detect (dd/ee secrets force padded framing). */
  readonly expectedProtocol: FramingProtocol;
}

/** Every framing x obfuscation x MTProxy-secret combination that exists (full cannot be obfuscated). */
export function combinations(): Combination[] {
  const out: Combination[] = [];
  for (const protocol of ["abridged", "intermediate", "padded", "full"] as const) {
    for (const mode of ["plain", "obfuscated", "secret", "dd-secret", "ee-fake-tls"] as const) {
      if (protocol === "full" && mode !== "plain") continue;
      const expectedProtocol = mode === "dd-secret" || mode === "ee-fake-tls" ? "padded" : protocol;
      out.push({ name: `${protocol} + ${mode}`, protocol, mode, expectedProtocol });
    }
  }
  return out;
}

export function clientOptions(c: Combination, crypto: TransportCrypto): ClientConnectionOptions {
  const secret = {
    plain: undefined,
    obfuscated: undefined,
    secret: SIMPLE_SECRET,
    "dd-secret": SECURED_SECRET,
    "ee-fake-tls": FAKE_TLS_SECRET,
  }[c.mode];
  if (c.mode === "plain") return { protocol: c.protocol, crypto };
  return { protocol: c.protocol, crypto, obfuscation: { dcId: 2, ...(secret === undefined ? {} : { secret }) } };
}

export function serverOptions(crypto: TransportCrypto): ServerConnectionOptions {
  return { crypto, secrets: [SIMPLE_SECRET, SECURED_SECRET, FAKE_TLS_SECRET] };
}
