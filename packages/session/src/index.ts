// Public surface of @mtkit/session; see README.md.

// Errors
export { HandshakeError, MessageRejectedError, RpcError, SessionError } from "./errors.js";
export type { HandshakeErrorCode, MessageRejectCode, SessionErrorCode } from "./errors.js";

// Sans-IO building blocks
export { MsgIdClock, type MsgIdRole } from "./core/msg-id-clock.js";
export { SeqNoCounter } from "./core/seq-no.js";
export { ReplayWindow, type ReplayWindowOptions } from "./core/replay-window.js";
export { AckQueue, MAX_IDS_PER_ACK } from "./core/ack-queue.js";
export { ClientSalts, type FutureSalt } from "./core/salts.js";
export { ServerSaltSchedule } from "./core/server-salts.js";
export { encodePlainMessage, decodePlainMessage, isPlainPacket, type PlainMessage } from "./core/plain-message.js";
export {
  encodeContainer,
  decodeContainer,
  MAX_CONTAINER_MESSAGES,
  MAX_CONTAINER_BYTES,
  type ContainerItem,
} from "./core/container.js";
export { gzipInflateBounded, GZIP_MAX_INFLATED, type GzipCompressor } from "./core/gzip.js";
export { hasGzipStreams, inflateWithStreams, gzipWithStreams, type AsyncGunzip } from "./core/gzip-streams.js";
export { expandGzipPacked, hasGzipPacked } from "./core/expand-gzip.js";
export type { SessionEnvironment } from "./core/session-state.js";
export { SessionCodec } from "./tl/codec.js";

// Auth-key creation (both roles) and PFS binding
export { ClientHandshake, wireDcId, type ClientHandshakeOptions } from "./handshake/client-handshake.js";
export { ServerHandshake, type ServerHandshakeOptions } from "./handshake/server-handshake.js";
export type { HandshakeResult } from "./handshake/types.js";
export { buildBindTempAuthKey, type BindParams } from "./core/bind-temp-auth-key.js";

// Client role
export { ClientSession, type ClientSessionOptions } from "./client/client-session.js";
export type { ClientSessionEvent } from "./client/events.js";

// Server role
export { ServerConnection, type ServerConnectionOptions } from "./server/server-connection.js";
export { ServerSession } from "./server/server-session.js";
export { PushLedger } from "./server/push-ledger.js";
export {
  ServerSessionStore,
  type ServerSessionStoreOptions,
  DEFAULT_MAX_SESSIONS,
  DEFAULT_MAX_SESSIONS_PER_KEY,
} from "./server/session-store.js";
export {
  AnswerCache,
  type AnswerCacheLimits,
  DEFAULT_MAX_CACHED_ANSWERS,
  DEFAULT_MAX_CACHED_ANSWER_BYTES,
} from "./server/answer-cache.js";
export { MemoryKeyStore, type ServerKeyStore, type ServerAuthKeyRecord } from "./server/key-store.js";
export type { ServerEvent } from "./server/server-events.js";

// Driver (client role, real I/O)
export { SessionDriver, type SessionDriverOptions } from "./driver/session-driver.js";
export type { ResultOf } from "./driver/result-of.js";
export type { SessionDriverEvent, DriverConnectionEvent } from "./driver/driver-events.js";
export {
  LivenessMonitor,
  type LivenessAction,
  type LivenessDecision,
  type LivenessSettings,
} from "./driver/liveness-monitor.js";
export { createAuthKeyOverTransport } from "./driver/create-auth-key.js";
export type { DriverTransport, DriverTransportEvent, DriverTimers, LongPollSource } from "./driver/transport.js";
export type { HttpWaitOptions } from "./driver/http-wait-poller.js";
export { backoffDelay, type BackoffOptions } from "./driver/backoff.js";
