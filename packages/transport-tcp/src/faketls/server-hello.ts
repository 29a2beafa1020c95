import { bytesEqual, concatBytes } from "@mtkit/mtproto-crypto/bytes";
import type { TransportCrypto } from "../codec/crypto.js";
import { ByteQueue } from "../codec/byte-queue.js";
import { TransportError } from "../codec/errors.js";
import { HelloBuilder } from "./hello-builder.js";
import { x25519PublicKey } from "./x25519-key.js";
import { HELLO_RANDOM_OFFSET } from "./client-hello.js";

const CHANGE_CIPHER_SPEC = Uint8Array.of(0x14, 0x03, 0x03, 0x00, 0x01, 0x01);

/**
 * The proxy's answer to a fake-TLS ClientHello: a ServerHello record, a ChangeCipherSpec and one
 * application-data record of random bytes (what a TLS 1.3 server sends before its encrypted
 * handshake). Its server_random = HMAC-SHA256(secret, client_random || answer with the random zeroed).
 */
export function buildServerHello(
  crypto: TransportCrypto,
  secretKey: Uint8Array,
  clientRandom: Uint8Array,
  sessionId: Uint8Array,
): Uint8Array {
  const b = new HelloBuilder();
  b.put(0x16, 0x03, 0x03).begin();
  b.put(0x02, 0x00).begin(); // handshake: server_hello
  b.put(0x03, 0x03).putBytes(new Uint8Array(32)); // version + random (filled below)
  b.put(sessionId.length).putBytes(sessionId);
  b.put(0x13, 0x01, 0x00); // TLS_AES_128_GCM_SHA256, no compression
  b.begin();
  b.put(0x00, 0x33, 0x00, 0x24, 0x00, 0x1d, 0x00, 0x20).putBytes(x25519PublicKey(crypto)); // key_share
  b.put(0x00, 0x2b, 0x00, 0x02, 0x03, 0x04); // supported_versions: TLS 1.3
  b.end().end().end();
  const fakeCertificateLength = 1024 + (crypto.randomFill(new Uint8Array(1))[0]! << 4);
  const appRecord = concatBytes(
    Uint8Array.of(0x17, 0x03, 0x03, fakeCertificateLength >>> 8, fakeCertificateLength & 0xff),
    crypto.randomFill(new Uint8Array(fakeCertificateLength)),
  );
  const answer = concatBytes(b.finish(), CHANGE_CIPHER_SPEC, appRecord);
  answer.set(crypto.hmacSha256(secretKey, concatBytes(clientRandom, answer)), HELLO_RANDOM_OFFSET);
  return answer;
}

/**
 * Client side: reads the proxy's answer (16 03 03 record, then 14 03 03 00 01 01 17 03 03 record)
 * from `queue` and checks its HMAC. Returns false while bytes are missing; throws on a mismatch.
 * The grammar is TDLib's `TlsInit::wait_hello_response`.
 */
export function consumeServerHello(
  crypto: TransportCrypto,
  queue: ByteQueue,
  secretKey: Uint8Array,
  clientRandom: Uint8Array,
): boolean {
  let offset = 0;
  for (const prefix of [
    Uint8Array.of(0x16, 0x03, 0x03),
    concatBytes(CHANGE_CIPHER_SPEC, Uint8Array.of(0x17, 0x03, 0x03)),
  ]) {
    if (queue.length < offset + prefix.length + 2) return false;
    if (!bytesEqual(queue.peek(prefix.length, offset), prefix)) {
      throw new TransportError("TLS_HANDSHAKE", "fake-TLS server answer does not start like a ServerHello");
    }
    offset += prefix.length;
    const size = (queue.byteAt(offset) << 8) | queue.byteAt(offset + 1);
    offset += 2 + size;
    if (queue.length < offset) return false;
  }
  const answer = queue.take(offset);
  const received = answer.slice(HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
  answer.fill(0, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
  const expected = crypto.hmacSha256(secretKey, concatBytes(clientRandom, answer));
  if (!bytesEqual(received, expected))
    throw new TransportError("TLS_HANDSHAKE", "fake-TLS ServerHello HMAC mismatch: wrong secret or not an MTProxy");
  return true;
}
