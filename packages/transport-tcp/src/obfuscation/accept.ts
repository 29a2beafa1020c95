import type { TransportCrypto } from "../codec/crypto.js";
import type { FramingProtocol } from "../codec/frame.js";
import { obfuscationCiphers, type ObfuscationCiphers } from "./keys.js";
import { protocolOfTag } from "./tags.js";

export interface AcceptedObfuscation extends ObfuscationCiphers {
  readonly protocol: FramingProtocol;
  /** int16 LE from init[60..62]; random when the client did not set it. */
  readonly dcId: number;
  /** Index into the candidate list of the secret that matched (undefined: no secret). */
  readonly secretIndex: number | undefined;
}

/**
 * Server side: tries each candidate secret (and `undefined` = none) on a 64-byte header and keeps
 * the one whose decrypted init[56..60] is a known tag. The decryptor has consumed the header, so it
 * continues with the bytes that follow.
 */
export function acceptObfuscationHeader(
  crypto: TransportCrypto,
  header: Uint8Array,
  candidates: readonly (Uint8Array | undefined)[],
): AcceptedObfuscation | undefined {
  for (const [index, secretKey] of candidates.entries()) {
    const ciphers = obfuscationCiphers(crypto, header, "server", secretKey);
    const plain = ciphers.decryptor.process(header);
    const protocol = protocolOfTag(plain.subarray(56, 60));
    if (protocol === undefined) continue;
    const dcId = ((plain[60]! | (plain[61]! << 8)) << 16) >> 16;
    return { ...ciphers, protocol, dcId, secretIndex: secretKey === undefined ? undefined : index };
  }
  return undefined;
}
