import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { TransportCrypto } from "../codec/crypto.js";
import type { FramingProtocol } from "../codec/frame.js";
import { obfuscationCiphers, type ObfuscationCiphers } from "./keys.js";
import { obfuscationTag } from "./tags.js";

/** First ints a server could mistake for another protocol: HEAD, POST, GET , OPTI, a TLS record, dd, ee. */
const FORBIDDEN_FIRST_INTS = new Set([
  0x44414548, 0x54534f50, 0x20544547, 0x4954504f, 0x02010316, 0xdddddddd, 0xeeeeeeee,
]);

/**
 * Whether random bytes may start an obfuscated stream: not 0xef (abridged), no forbidden first
 * int, and a non-zero second int (zero would look like the full transport's seq 0).
 * https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 */
export function isValidInitPrefix(init: Uint8Array): boolean {
  if (init[0] === 0xef) return false;
  if (FORBIDDEN_FIRST_INTS.has(readUint32LE(init, 0))) return false;
  return readUint32LE(init, 4) !== 0;
}

export interface ObfuscationInitOptions {
  readonly protocol: FramingProtocol;
  /** Written as int16 LE at init[60..62] when given (+10000 for test DCs, negative for media). */
  readonly dcId?: number;
  /** MTProxy secret key (16 bytes) mixed into both keys. */
  readonly secretKey?: Uint8Array;
  /** Fake-TLS hides the prefix inside TLS records, so the prefix rules do not apply (as in TDLib). */
  readonly insideTls?: boolean;
}

export interface ObfuscationInit extends ObfuscationCiphers {
  /** The 64 bytes to send first: init[0..56] || encrypt(init)[56..64]. */
  readonly header: Uint8Array;
}

/** Draws a valid init payload and returns the header to send and the client's two ciphers. */
export function createObfuscationInit(crypto: TransportCrypto, options: ObfuscationInitOptions): ObfuscationInit {
  const tag = obfuscationTag(options.protocol);
  const init = new Uint8Array(64);
  // A valid prefix comes up with probability ~0.996, so this loop ends almost at once.
  for (let attempt = 0; ; attempt++) {
    crypto.randomFill(init);
    if (options.insideTls === true || isValidInitPrefix(init)) break;
    if (attempt > 1000) throw new Error("randomFill keeps returning forbidden init prefixes");
  }
  init.set(tag, 56);
  if (options.dcId !== undefined) {
    const dc = options.dcId & 0xffff;
    init[60] = dc & 0xff;
    init[61] = dc >>> 8;
  }
  return buildObfuscationHeader(crypto, init, options.secretKey);
}

/** The header and ciphers for an already chosen init (tests feed vectors through this). */
export function buildObfuscationHeader(
  crypto: TransportCrypto,
  init: Uint8Array,
  secretKey?: Uint8Array,
): ObfuscationInit {
  const ciphers = obfuscationCiphers(crypto, init, "client", secretKey);
  const encrypted = ciphers.encryptor.process(init);
  const header = Uint8Array.from(init);
  header.set(encrypted.subarray(56, 64), 56);
  return { header, ...ciphers };
}
