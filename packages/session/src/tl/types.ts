/** The MTProto service objects the session handles: the generated types of @mtkit/tl-core/mtproto. */
import type {
  RawBadMsgNotification,
  RawBadServerSalt,
  RawDestroySessionNone,
  RawDestroySessionOk,
  RawDestroyAuthKeyRequest,
  RawDestroySessionRequest,
  RawFutureSalts,
  RawGetFutureSaltsRequest,
  RawHttpWait,
  RawMsgDetailedInfo,
  RawMsgNewDetailedInfo,
  RawMsgResendReq,
  RawMsgsAck,
  RawMsgsAllInfo,
  RawMsgsStateInfo,
  RawMsgsStateReq,
  RawNewSessionCreated,
  RawPingDelayDisconnectRequest,
  RawPingRequest,
  RawPong,
  RawRpcAnswerDropped,
  RawRpcAnswerDroppedRunning,
  RawRpcAnswerUnknown,
  RawRpcDropAnswerRequest,
  RawRpcError,
  ObjectsByName,
  RpcMethods,
} from "@mtkit/tl-core/mtproto";

export type {
  RawBadMsgNotification as BadMsgNotification,
  RawBadServerSalt as BadServerSalt,
  RawFutureSalts as FutureSalts,
  RawMsgDetailedInfo as MsgDetailedInfo,
  RawMsgNewDetailedInfo as MsgNewDetailedInfo,
  RawMsgResendReq as MsgResendReq,
  RawMsgsAck as MsgsAck,
  RawMsgsAllInfo as MsgsAllInfo,
  RawMsgsStateInfo as MsgsStateInfo,
  RawMsgsStateReq as MsgsStateReq,
  RawNewSessionCreated as NewSessionCreated,
  RawPong as Pong,
  RawRpcError as RpcErrorObject,
};

/** Any TL object literal (API objects included): tagged by `_`, other fields checked by the schema writer. */
export type AnyTlObject = { readonly _: string } & Readonly<Record<string, unknown>>;

/** Any MTProto-schema constructor or method object, for typed encoding. */
export type MtprotoObject = ObjectsByName[keyof ObjectsByName] | RpcMethods[keyof RpcMethods]["request"];

export type RpcDropAnswerResult = RawRpcAnswerUnknown | RawRpcAnswerDroppedRunning | RawRpcAnswerDropped;
export type DestroySessionResult = RawDestroySessionOk | RawDestroySessionNone;

/** Every service object the session encodes or decodes outside rpc_result. */
export type ServiceObject =
  | RawMsgsAck
  | RawBadMsgNotification
  | RawBadServerSalt
  | RawMsgsStateReq
  | RawMsgsStateInfo
  | RawMsgsAllInfo
  | RawMsgDetailedInfo
  | RawMsgNewDetailedInfo
  | RawMsgResendReq
  | RawRpcError
  | RpcDropAnswerResult
  | RawFutureSalts
  | RawPong
  | DestroySessionResult
  | RawNewSessionCreated
  | RawRpcDropAnswerRequest
  | RawGetFutureSaltsRequest
  | RawPingRequest
  | RawPingDelayDisconnectRequest
  | RawDestroySessionRequest
  | RawDestroyAuthKeyRequest
  | RawHttpWait;
