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
 * the connection is closed and `onExpired` told why. One unref'd timer per connection, set for the
 * nearest deadline (three timers per connection were ~10 % of what an idle connection costs the
 * heap, issue 13); cleared on close.
 */
export function armDeadlines(
  link: ServerConnectionLink,
  limits: ListenerLimits,
  onExpired: (reason: DeadlineReason) => void,
): ConnectionDeadlines {
  const acceptedAt = Date.now();
  let lastPacketAt = acceptedAt;
  let authenticated = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const due = (): { at: number; reason: DeadlineReason } => {
    let next = { at: lastPacketAt + limits.idleMs, reason: "idle" as DeadlineReason };
    if (!authenticated && acceptedAt + limits.handshakeMs < next.at)
      next = { at: acceptedAt + limits.handshakeMs, reason: "handshake" };
    if (link.info === undefined && acceptedAt + limits.transportInitMs < next.at)
      next = { at: acceptedAt + limits.transportInitMs, reason: "transport-init" };
    return next;
  };
  const check = (): void => {
    timer = undefined;
    if (link.closed) return;
    const next = due();
    const wait = next.at - Date.now();
    if (wait > 0) {
      arm(wait);
      return;
    }
    onExpired(next.reason);
    void link.close();
  };
  const arm = (ms: number): void => {
    timer = setTimeout(check, ms);
    timer.unref();
  };
  arm(Math.min(limits.transportInitMs, limits.handshakeMs, limits.idleMs));
  link.subscribe((event) => {
    if (event.type === "close") clearTimeout(timer);
  });
  return {
    packetArrived: () => {
      lastPacketAt = Date.now(); // the timer reads it when it fires and re-arms for the rest
    },
    authenticated: () => {
      authenticated = true;
    },
  };
}
