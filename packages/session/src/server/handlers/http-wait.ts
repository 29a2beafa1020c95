import type { RawHttpWait } from "@mtkit/tl-core/mtproto";
import type { ServerHandlerContext } from "../server-context.js";

/**
 * http_wait (https://core.telegram.org/mtproto/service_messages#long-poll-http-wait) is HTTP's long
 * poll: hold the HTTP answer up to max_wait ms and fill it with whatever is pending. The session
 * only reports it (event `http-wait`); a request-response carrier holds the answer, while over TCP and
 * WebSocket the server can write at any time and ignores the event. Either way the message is accepted
 * (never an error, whatever its parity or values) and everything pending, acks included, goes out now.
 */
export function serveHttpWait(ctx: ServerHandlerContext, request: RawHttpWait): void {
  ctx.session.requestFlush();
  ctx.emit({
    type: "http-wait",
    maxDelayMs: Math.max(0, request.maxDelay),
    waitAfterMs: Math.max(0, request.waitAfter),
    maxWaitMs: Math.max(0, request.maxWait),
  });
}
