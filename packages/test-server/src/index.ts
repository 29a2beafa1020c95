// Public surface of @mtkit/test-server; see README.md.
export { TestServer, type TestServerOptions } from "./server/test-server.js";
export type { DcServer } from "./server/dc-server.js";
export { DEFAULT_LISTENER_LIMITS, type ListenerLimits } from "./server/listener-limits.js";
export { DEFAULT_HEAP_GROWTH_PERCENT, limitHeapGrowth } from "./server/heap-growth.js";
export type { LimitCounters, LimitReason } from "./server/limit-counters.js";
export type { HandshakeSummary, HandshakeTiming, HandshakeTimings } from "./server/handshake-timings.js";
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
export * from "./install/index.js";
export { World, type WorldOptions } from "./world/world.js";
export type {
  Account,
  BasicGroup,
  Channel,
  ChannelMember,
  ChannelRole,
  Dialog,
  Message,
  PeerRef,
  StoredPassword,
} from "./world/types.js";
export { WorldError } from "./world/world-error.js";
export { MemoryWorldStore } from "./store/memory-store.js";
export { SqliteWorldStore, WorldStoreError } from "./store/sqlite-store.js";
export type { RowKey, ScanOptions, Table, WorldStore } from "./store/world-store.js";
export { UpdateFaults, type UpdateFaultKind } from "./faults/update-faults.js";
export * from "./files/index.js";
export { secretRelayOf, type SecretRelay } from "./secret/index.js";
