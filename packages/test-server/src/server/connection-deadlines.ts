import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import type { ListenerLimits } from "./listener-limits.js";

export type DeadlineReason = "transport-init" | "handshake" | "idle";

export interface ConnectionDeadlines {
  /** A whole packet arrived: the idle clock starts over. */
  packetArrived(): void;
  /** An auth key was made or a message under a known key accepted: the handshake deadline is met. */
  authenticated(): void;
}

/**
 * Arms the transport-init, handshake and idle deadlines of one accepted connection; when one passes
 * the connection is closed and `onExpired` told why. Timers are unref'd and cleared on close.
 */
export function armDeadlines(
  link: ServerConnectionLink,
  limits: ListenerLimits,
  onExpired: (reason: DeadlineReason) => void,
): ConnectionDeadlines {
  let authenticated = false;
  const expire = (reason: DeadlineReason): void => {
    if (link.closed) return;
    onExpired(reason);
    void link.close();
  };
  const timers = [
    setTimeout(() => {
      if (link.info === undefined) expire("transport-init");
    }, limits.transportInitMs),
    setTimeout(() => {
      if (!authenticated) expire("handshake");
    }, limits.handshakeMs),
  ];
  const idle = setTimeout(() => {
    expire("idle");
  }, limits.idleMs);
  for (const timer of [...timers, idle]) timer.unref();
  link.subscribe((event) => {
    if (event.type !== "close") return;
    for (const timer of [...timers, idle]) clearTimeout(timer);
  });
  return {
    packetArrived: () => {
      idle.refresh();
    },
    authenticated: () => {
      if (authenticated) return;
      authenticated = true;
      clearTimeout(timers[1]);
    },
  };
}
