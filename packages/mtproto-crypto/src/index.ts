// Public surface of @mtkit/mtproto-crypto (portable entry: no `node:` imports); see README.md.
// Node users: `@mtkit/mtproto-crypto/node` re-exports all of this plus createNodeCrypto().
export type { AesCtr, CryptoProvider } from "./provider.js";
export { createPortableCrypto, type PortableCryptoOptions } from "./portable-provider.js";

export { type AuthKey, createAuthKey } from "./mtproto/auth-key.js";
export { type AesKeyIv, computeMsgKey, deriveAesKeyIv, kdfOffset, type MessageSender } from "./mtproto/message-keys.js";
export {
  encryptMessage,
  type EncryptMessageOptions,
  MESSAGE_HEADER_LENGTH,
  minimalPaddingLength,
} from "./mtproto/encrypt-message.js";
export { type DecryptedMessage, decryptMessage, type DecryptMessageOptions } from "./mtproto/decrypt-message.js";
export { MessageCryptoError, type MessageCryptoErrorCode } from "./mtproto/message-crypto-error.js";
export {
  computeDhParamsFailHash,
  computeFirstServerSalt,
  computeNewNonceHash,
  deriveTmpAesKeyIv,
} from "./mtproto/handshake-keys.js";
export { unwrapWithHash, wrapWithHash } from "./mtproto/answer-with-hash.js";
export { HandshakeCryptoError, type HandshakeCryptoErrorCode } from "./mtproto/handshake-crypto-error.js";
export { computeMsgKeyV1, decryptMessageV1, deriveAesKeyIvV1, encryptMessageV1 } from "./mtproto/message-v1.js";

export {
  bigIntFromBytes,
  bigIntToBytes,
  bigIntToMinimalBytes,
  bitLength,
  modInverse,
  modPowBigInt,
} from "./util/bigint.js";
export { isProbablePrime } from "./util/miller-rabin.js";
export { bytesEqual, concatBytes, int64ToBytesLE, readInt64LE, xorBytes } from "./util/bytes.js";

export { RsaError, type RsaErrorCode } from "./rsa/rsa-error.js";
export { parseRsaPrivateKeyPem, parseRsaPublicKeyPem } from "./rsa/pem.js";
export { type RsaFingerprint, rsaFingerprint, type RsaPrivateKey, type RsaPublicKey, tlBytes } from "./rsa/rsa-key.js";
export { rsaPadDecrypt, rsaPadEncrypt } from "./rsa/rsa-pad.js";
export { rsaDecryptRaw, rsaEncryptRaw } from "./rsa/rsa-raw.js";
export {
  type KnownRsaKey,
  TELEGRAM_PRODUCTION_RSA_KEY,
  TELEGRAM_RSA_KEYS,
  TELEGRAM_TEST_RSA_KEY,
} from "./rsa/telegram-keys.js";

export { factorizePq, factorizePqBytes, type PqFactors } from "./pq/factorize-pq.js";
export { type GeneratedPq, generatePq } from "./pq/generate-pq.js";
export { PqError, type PqErrorCode } from "./pq/pq-error.js";
export { isPrime64 } from "./pq/prime64.js";

export { checkDhParams, checkDhValue, isGeneratorValidFor, isSafePrime } from "./dh/dh-checks.js";
export { DhCheckError, type DhCheckErrorCode } from "./dh/dh-error.js";
export { TELEGRAM_DH_PRIME } from "./dh/telegram-dh-prime.js";

export { computeSrpCheck, type SrpCheck, type SrpCheckInput } from "./srp/srp-client.js";
export { SrpError, type SrpErrorCode } from "./srp/srp-error.js";
export {
  computePasswordHash,
  computePasswordVerifier,
  extendNewPasswordSalt1,
  SRP_PBKDF2_ITERATIONS,
  type SrpAlgorithm,
} from "./srp/srp-hash.js";
export { createSrpServerSession, type SrpServerSession, verifySrpCheck } from "./srp/srp-server.js";

export { SecretChatError, type SecretChatErrorCode } from "./secret/secret-chat-error.js";
export { encryptedFileFingerprint, secretKeyFingerprint, secretKeyVisualization } from "./secret/secret-keys.js";
export { decryptSecretMessage, encryptSecretMessage, type SecretChatRole } from "./secret/secret-message.js";
