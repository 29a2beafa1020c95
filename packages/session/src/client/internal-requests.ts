import { RpcError } from "../errors.js";
import type { DestroySessionResult, FutureSalts, MsgsStateInfo, Pong, RpcDropAnswerResult } from "../tl/types.js";
import type { ClientHandlerContext } from "./client-context.js";
import { resendNotReceived } from "./handlers/msgs-state-info.js";

/** Requests the session sends for itself; their answers become events, not user results. */
export type InternalKind =
  | "ping"
  | "future-salts"
  | "destroy-session"
  | "destroy-auth-key"
  | { readonly stateReq: readonly bigint[] }
  | { readonly drop: number };

/** Turns the answer to an internal request into its event (errors are swallowed: nobody waits). */
export function finishInternalRequest(ctx: ClientHandlerContext, kind: InternalKind, result: unknown): void {
  if (result instanceof RpcError) return;
  if (kind === "ping") {
    const pong = result as Pong;
    ctx.emit({ type: "pong", pingId: pong.pingId, msgId: pong.msgId });
  } else if (kind === "future-salts") {
    const answer = result as FutureSalts;
    const salts = answer.salts.map((s) => ({ validSince: s.validSince, validUntil: s.validUntil, salt: s.salt }));
    ctx.state.salts.setFuture(salts);
    ctx.emit({ type: "future-salts", salts });
  } else if (kind === "destroy-session") {
    const answer = result as DestroySessionResult;
    ctx.emit({ type: "session-destroyed", sessionId: answer.sessionId, existed: answer._ === "destroy_session_ok" });
  } else if (kind === "destroy-auth-key") {
    ctx.emit({ type: "auth-key-destroyed", result: (result as { readonly _: string })._ });
  } else if ("stateReq" in kind) {
    const info = (result as MsgsStateInfo).info;
    ctx.emit({ type: "msgs-state", msgIds: kind.stateReq, info });
    resendNotReceived(ctx, kind.stateReq, info);
  } else {
    const answer = result as RpcDropAnswerResult;
    const outcome =
      answer._ === "rpc_answer_dropped" ? "dropped" : answer._ === "rpc_answer_dropped_running" ? "running" : "unknown";
    ctx.emit({ type: "drop-answer", requestId: kind.drop, outcome });
  }
}
