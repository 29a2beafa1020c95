/**
 * Telegram's built-in RSA public keys (the same keys TDLib and Telegram Desktop ship), used to
 * pick `server_public_key_fingerprints` in resPQ (https://core.telegram.org/mtproto/auth_key#dh-exchange-initiation).
 * The PEM texts are kept too, for tools that want them (mtcute's addPublicKey takes PKCS#1 PEM).
 */
import type { RsaPublicKey } from "./rsa-key.js";

export interface KnownRsaKey extends RsaPublicKey {
  /** true for the test-DC key. */
  readonly testMode: boolean;
  /** The key's fingerprint as the unsigned 64-bit value (e.g. 0xd09d1d85de64fd85n). */
  readonly fingerprint: bigint;
  readonly pem: string;
}

export const TELEGRAM_PRODUCTION_RSA_KEY: KnownRsaKey = {
  testMode: false,
  fingerprint: 0xd09d1d85de64fd85n,
  n: BigInt(
    "0x" +
      "e8bb3305c0b52c6cf2afdf7637313489e63e05268e5badb601af417786472e5f93b85438968e20e6729a301c0afc121b" +
      "f7151f834436f7fda680847a66bf64accec78ee21c0b316f0edafe2f41908da7bd1f4a5107638eeb67040ace472a14f9" +
      "0d9f7c2b7def99688ba3073adb5750bb02964902a359fe745d8170e36876d4fd8a5d41b2a76cbff9a13267eb9580b2d0" +
      "6d10357448d20d9da2191cb5d8c93982961cdfdeda629e37f1fb09a0722027696032fe61ed663db7a37f6f263d370f69" +
      "db53a0dc0a1748bdaaff6209d5645485e6e001d1953255757e4b8e42813347b11da6ab500fd0ace7e6dfa3736199ccaf" +
      "9397ed0745a427dcfa6cd67bcb1acff3",
  ),
  e: 65537n,
  pem: "-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g\n5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO\n62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/\n+aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9\nt6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs\n5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB\n-----END RSA PUBLIC KEY-----\n",
};

export const TELEGRAM_TEST_RSA_KEY: KnownRsaKey = {
  testMode: true,
  fingerprint: 0xb25898df208d2603n,
  n: BigInt(
    "0x" +
      "c8c11d635691fac091dd9489aedced2932aa8a0bcefef05fa800892d9b52ed03200865c9e97211cb2ee6c7ae96d3fb0e" +
      "15aeffd66019b44a08a240cfdd2868a85e1f54d6fa5deaa041f6941ddf302690d61dc476385c2fa655142353cb4e4b59" +
      "f6e5b6584db76fe8b1370263246c010c93d011014113ebdf987d093f9d37c2be48352d69a1683f8f6e6c2167983c761e" +
      "3ab169fde5daaa12123fa1beab621e4da5935e9c198f82f35eae583a99386d8110ea6bd1abb0f568759f62694419ea5f" +
      "69847c43462abef858b4cb5edc84e7b9226cd7bd7e183aa974a712c079dde85b9dc063b8a5c08e8f859c0ee5dcd824c7" +
      "807f20153361a7f63cfd2a433a1be7f5",
  ),
  e: 65537n,
  pem: "-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEAyMEdY1aR+sCR3ZSJrtztKTKqigvO/vBfqACJLZtS7QMgCGXJ6XIR\nyy7mx66W0/sOFa7/1mAZtEoIokDP3ShoqF4fVNb6XeqgQfaUHd8wJpDWHcR2OFwv\nplUUI1PLTktZ9uW2WE23b+ixNwJjJGwBDJPQEQFBE+vfmH0JP503wr5INS1poWg/\nj25sIWeYPHYeOrFp/eXaqhISP6G+q2IeTaWTXpwZj4LzXq5YOpk4bYEQ6mvRq7D1\naHWfYmlEGepfaYR8Q0YqvvhYtMte3ITnuSJs171+GDqpdKcSwHnd6FudwGO4pcCO\nj4WcDuXc2CTHgH8gFTNhp/Y8/SpDOhvn9QIDAQAB\n-----END RSA PUBLIC KEY-----\n",
};

export const TELEGRAM_RSA_KEYS: readonly KnownRsaKey[] = [TELEGRAM_PRODUCTION_RSA_KEY, TELEGRAM_TEST_RSA_KEY];
