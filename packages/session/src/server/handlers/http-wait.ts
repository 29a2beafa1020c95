import type { ServerHandlerContext } from "../server-context.js";

/**
 * http_wait (https://core.telegram.org/mtproto/service_messages#long-poll-http-wait) is HTTP's long
 * poll: hold the HTTP answer up to max_wait ms and fill it with whatever is pending. Over TCP and
 * WebSocket the server can write at any time, so nothing is held: the message is accepted (never an
 * error, whatever its parity or values) and everything pending, acks included, goes out now.
 */
export function serveHttpWait(ctx: ServerHandlerContext): void {
  ctx.session.requestFlush();
}
