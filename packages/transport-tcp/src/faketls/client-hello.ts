import { readUint32LE, writeUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { TransportCrypto } from "../codec/crypto.js";
import { greaseValues } from "./grease.js";
import { HelloBuilder } from "./hello-builder.js";
import { x25519PublicKey } from "./x25519-key.js";

/** Browsers pad the ClientHello to 517 bytes; so do we. */
const HELLO_TARGET_LENGTH = 517;
/** client_random sits at [11..43): 5 record + 4 handshake header + 2 version bytes. */
export const HELLO_RANDOM_OFFSET = 11;

export interface ClientHelloResult {
  readonly hello: Uint8Array;
  /** hello[11..43) as sent; the ServerHello HMAC covers it. */
  readonly clientRandom: Uint8Array;
}

/**
 * A Chrome-like TLS 1.3 ClientHello carrying the SNI `domain`. MTProxy fake-TLS (undocumented; as
 * in TDLib's TlsInit): client_random = HMAC-SHA256(secret, hello with client_random zeroed), its last
 * 4 bytes XORed with the LE unix time, so the proxy can authenticate us and check freshness.
 */
export function buildClientHello(
  crypto: TransportCrypto,
  secretKey: Uint8Array,
  domain: string,
  unixTime: number,
): ClientHelloResult {
  const grease = greaseValues(crypto.randomFill(new Uint8Array(7)));
  const g = (i: number): [number, number] => [grease[i]!, grease[i]!];
  const b = new HelloBuilder();
  b.put(0x16, 0x03, 0x01).begin(); // record
  b.put(0x01, 0x00).begin(); // handshake: client_hello, 3-byte length (first byte 0)
  b.put(0x03, 0x03).putBytes(new Uint8Array(32)); // legacy version + random (filled below)
  b.put(0x20).putBytes(crypto.randomFill(new Uint8Array(32))); // session id
  b.begin()
    .put(...g(0))
    .put(
      0x13,
      0x01,
      0x13,
      0x02,
      0x13,
      0x03,
      0xc0,
      0x2b,
      0xc0,
      0x2f,
      0xc0,
      0x2c,
      0xc0,
      0x30,
      0xcc,
      0xa9,
      0xcc,
      0xa8,
      0xc0,
      0x13,
      0xc0,
      0x14,
      0x00,
      0x9c,
      0x00,
      0x9d,
      0x00,
      0x2f,
      0x00,
      0x35,
    )
    .end();
  b.put(0x01, 0x00); // compression: null
  b.begin(); // extensions
  b.put(...g(2), 0x00, 0x00);
  b.put(0x00, 0x00).begin().begin().put(0x00).begin().putBytes(new TextEncoder().encode(domain)).end().end().end(); // SNI
  b.put(0x00, 0x17, 0x00, 0x00); // extended_master_secret
  b.put(0xff, 0x01, 0x00, 0x01, 0x00); // renegotiation_info
  b.put(0x00, 0x0a)
    .begin()
    .begin()
    .put(...g(4), 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18)
    .end()
    .end(); // groups
  b.put(0x00, 0x0b, 0x00, 0x02, 0x01, 0x00); // ec_point_formats
  b.put(0x00, 0x23, 0x00, 0x00); // session_ticket
  b.put(0x00, 0x10, 0x00, 0x0e, 0x00, 0x0c, 0x02, 0x68, 0x32, 0x08, ...new TextEncoder().encode("http/1.1")); // ALPN
  b.put(0x00, 0x05, 0x00, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00); // status_request
  b.put(
    0x00,
    0x0d,
    0x00,
    0x12,
    0x00,
    0x10,
    0x04,
    0x03,
    0x08,
    0x04,
    0x04,
    0x01,
    0x05,
    0x03,
    0x08,
    0x05,
    0x05,
    0x01,
    0x08,
    0x06,
    0x06,
    0x01,
  ); // sig algs
  b.put(0x00, 0x12, 0x00, 0x00); // SCT
  b.put(0x00, 0x33)
    .begin()
    .begin()
    .put(...g(4), 0x00, 0x01, 0x00, 0x00, 0x1d, 0x00, 0x20)
    .putBytes(x25519PublicKey(crypto))
    .end()
    .end(); // key_share
  b.put(0x00, 0x2d, 0x00, 0x02, 0x01, 0x01); // psk_key_exchange_modes
  b.put(0x00, 0x2b, 0x00, 0x07, 0x06, ...g(6), 0x03, 0x04, 0x03, 0x03); // supported_versions
  b.put(0x00, 0x1b, 0x00, 0x03, 0x02, 0x00, 0x02); // compress_certificate
  b.put(...g(3), 0x00, 0x01, 0x00);
  const paddingNeeded = HELLO_TARGET_LENGTH - b.length - 4; // 4: padding extension type + length
  if (paddingNeeded > 0) b.put(0x00, 0x15).begin().putBytes(new Uint8Array(paddingNeeded)).end();
  b.end().end().end();
  const hello = b.finish();
  const digest = crypto.hmacSha256(secretKey, hello);
  writeUint32LE(digest, 28, (readUint32LE(digest, 28) ^ unixTime) >>> 0);
  hello.set(digest, HELLO_RANDOM_OFFSET);
  return { hello, clientRandom: digest };
}
