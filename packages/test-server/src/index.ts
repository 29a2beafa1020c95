// Public surface of @mtkit/test-server; see README.md.
export { TestServer, type TestServerOptions } from "./server/test-server.js";
export type { DcServer } from "./server/dc-server.js";
export type { DcEndpoint } from "./api/topology.js";
export { RpcError } from "./api/rpc-error.js";
export type { RpcContext } from "./api/rpc-context.js";
export type { ClientInfo } from "./api/client-info.js";
export type { FallbackHandler, MethodName, RpcHandler } from "./api/handler-registry.js";
export { buildConfig, dcOptions } from "./api/builtin-handlers.js";
export { FaultKnobs, type MethodFault } from "./faults/fault-knobs.js";
export {
  generateServerRsaKey,
  isMtcuteCompatible,
  loadServerRsaKey,
  ServerKeyError,
  type ServerRsaKey,
} from "./server/rsa-key.js";
export * from "./slice/index.js";
export * from "./files/index.js";
