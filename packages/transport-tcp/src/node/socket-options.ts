/** Socket tuning shared by the client dialer and the server listener. */
export interface SocketTuning {
  /** Disable Nagle: MTProto packets are small and latency-bound. Default true. */
  readonly noDelay?: boolean;
  /** TCP keep-alive initial delay in ms (0 = off). Default 30 000. */
  readonly keepAliveMs?: number;
}

export function applySocketTuning(socket: import("node:net").Socket, tuning: SocketTuning): void {
  socket.setNoDelay(tuning.noDelay ?? true);
  const keepAlive = tuning.keepAliveMs ?? 30_000;
  socket.setKeepAlive(keepAlive > 0, keepAlive);
}
