// `@mtkit/transport-tcp/codec`: sans-IO framing, obfuscation and fake-TLS. No `node:` imports, so
// browsers and transport-ws use it as is. See README.md ("Codec subpath").
export { TransportError, TransportStatusError, type TransportErrorCode, type TransportStatusCode } from "./errors.js";
export {
  DEFAULT_MAX_PACKET_LENGTH,
  protocolTag,
  type Frame,
  type FrameCodec,
  type FrameCodecOptions,
  type FramingProtocol,
  type Role,
} from "./frame.js";
export type { TransportCrypto } from "./crypto.js";
export type { ConnectionInfo, PacketConnection, ServerPacketConnection } from "./connection.js";
export { ClientConnection, type ClientConnectionOptions, type ObfuscationOptions } from "./client-connection.js";
export { ServerConnection, type ServerConnectionOptions } from "./server-connection.js";
export { DEFAULT_FRAME_BUFFER_BUDGET, FrameBufferBudget } from "./frame-buffer-budget.js";
export { detectPlainProtocol } from "./detect.js";
export { crc32 } from "./crc32.js";
export { quickAckToken } from "./quick-ack.js";
export { AbridgedCodec } from "../framing/abridged.js";
export { IntermediateCodec } from "../framing/intermediate.js";
export { FullCodec } from "../framing/full.js";
export { createFrameCodec } from "../framing/create.js";
export { trimMtprotoPadding } from "../framing/padding.js";
export { parseProxySecret, encodeProxySecret, type ProxySecret } from "../obfuscation/secret.js";
export {
  createObfuscationInit,
  buildObfuscationHeader,
  isValidInitPrefix,
  type ObfuscationInit,
  type ObfuscationInitOptions,
} from "../obfuscation/init.js";
export { obfuscationKeys, obfuscationCiphers, type ObfuscationCiphers } from "../obfuscation/keys.js";
export { acceptObfuscationHeader, type AcceptedObfuscation } from "../obfuscation/accept.js";
export { buildClientHello } from "../faketls/client-hello.js";
export { buildServerHello } from "../faketls/server-hello.js";
export { acceptClientHello } from "../faketls/accept-hello.js";
export { TlsRecordReader, TlsRecordWriter, MAX_TLS_WRITE_PAYLOAD } from "../faketls/records.js";
