// Public surface of @mtkit/test-server; see README.md.
export { TestServer, type TestServerOptions } from "./server/test-server.js";
export type { DcServer } from "./server/dc-server.js";
export type { DcEndpoint } from "./api/topology.js";
export { RpcError } from "./api/rpc-error.js";
export type { RpcContext } from "./api/rpc-context.js";
export type { FallbackHandler, MethodName, RpcHandler } from "./api/handler-registry.js";
export { buildConfig, dcOptions } from "./api/builtin-handlers.js";
export { FaultKnobs, type MethodFault } from "./faults/fault-knobs.js";
export {
  generateRsaServerKey,
  hasNonZeroTopNibble,
  loadRsaServerKey,
  rsaFingerprint,
  RsaKeyError,
  type RsaServerKey,
} from "./crypto/rsa-server-key.js";
export { ServerHandshake, type CreatedAuthKey, type HandshakeStep } from "./handshake/server-handshake.js";
export { ServerHandshakeError, type ServerHandshakeErrorCode } from "./handshake/handshake-error.js";
export type { ClientInfo } from "./session/auth-key-record.js";
