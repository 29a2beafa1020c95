import type { ServerConnection, ServerEvent, ServerSession } from "@mtkit/session";
import type { TlObject } from "@mtkit/tl-core";
import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import type { HandshakeTiming } from "./handshake-timings.js";
import { armDeadlines, type ConnectionDeadlines, type DeadlineReason } from "./connection-deadlines.js";
import type { LinkHandle } from "./link-handle.js";
import type { ListenerLimits } from "./listener-limits.js";

/** Transport error: unknown auth key or broken handshake (https://core.telegram.org/mtproto/mtproto-transports#transport-errors). */
const AUTH_KEY_NOT_FOUND = -404;

export interface ConnectionDeps {
  /** session's sans-IO server role for this connection. */
  readonly core: ServerConnection;
  /** Fault knob: close the connection when packet `dropAfterPackets + 1` arrives, unprocessed. */
  readonly dropAfterPackets: number | undefined;
  /** Fault knob: from packet `blackholeAfterPackets + 1` on, read and run everything but send nothing. */
  readonly blackholeAfterPackets: number | undefined;
  /** Fault knob: true once every connection open at this moment was silenced. */
  readonly silencedSinceAccept: () => boolean;
  /** The session now talks through this connection (its later answers go here). */
  attach(session: ServerSession, link: LinkHandle): void;
  request(session: ServerSession, reqMsgId: bigint, request: TlObject): void;
  onError(error: unknown): void;
  /** An auth key was made on this connection, timed by the server. */
  onHandshake(timing: HandshakeTiming): void;
}

/**
 * Wires one accepted connection (TCP, WebSocket or HTTP) to session's server role: packets in,
 * events out; this function only moves bytes, arms the ping_delay_disconnect timer and sends -404.
 * Until the first whole packet only the deadlines and one listener exist: the session core and the
 * wiring are made by `wire()` then, so a connection that never gets that far (slowloris) costs the
 * heap little (issue 13).
 */
export function serveConnection(
  link: ServerConnectionLink,
  limits: ListenerLimits,
  onDeadline: (reason: DeadlineReason) => void,
  wire: () => ConnectionDeps,
): void {
  const deadlines = armDeadlines(link, limits, onDeadline);
  let receive: ((packet: Uint8Array) => void) | undefined;
  let onClose: (() => void) | undefined;
  link.subscribe((event) => {
    if (event.type === "close") onClose?.();
    else if (event.type === "packet") {
      if (receive === undefined) {
        const wired = wireConnection(wire(), link, deadlines);
        receive = wired.receive;
        onClose = wired.close;
      }
      receive(event.packet);
    }
  });
}

function wireConnection(
  deps: ConnectionDeps,
  link: ServerConnectionLink,
  deadlines: ConnectionDeadlines,
): { receive: (packet: Uint8Array) => void; close: () => void } {
  let packets = 0;
  let disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  // Set at once: nothing more goes out after a close we asked for, even before the socket is gone.
  let closing = false;
  // A blackholed connection: what it would send is lost on the way (a dead NAT entry), it never closes.
  let blackholed = false;
  // Timing of an auth-key handshake, from this first packet on; dropped once the connection turns
  // out to use a key it already has.
  let handshake: { readonly startedAt: number; workMs: number; workCpuMs: number; done: boolean } | undefined = {
    startedAt: performance.now(),
    workMs: 0,
    workCpuMs: 0,
    done: false,
  };
  const silent = (): boolean => blackholed || deps.silencedSinceAccept();
  const handle: LinkHandle = {
    get open() {
      return !closing && !link.closed;
    },
    send: (out) => {
      if (silent()) return;
      for (const packet of out) link.send(packet).catch(() => undefined); // lost with the connection
    },
    close: () => {
      closing = true;
      void link.close();
    },
  };
  // -404 and then close, as Telegram does: nothing else will be read from this connection.
  // https://core.telegram.org/mtproto/mtproto-transports#transport-errors
  const refuse = (): void => {
    if (silent() || closing) return;
    closing = true;
    const close = (): void => {
      void link.close();
    };
    link.sendStatus(AUTH_KEY_NOT_FOUND).then(close, close);
  };
  const onEvent = (event: ServerEvent): void => {
    switch (event.type) {
      case "send":
        handle.send([event.packet]);
        break;
      case "auth-key-unknown":
        refuse();
        break;
      case "handshake-failed":
        deps.onError(event.error);
        refuse();
        break;
      case "auth-key-created":
        deadlines.authenticated();
        if (handshake !== undefined) handshake.done = true;
        break;
      case "rejected":
        deps.onError(event.error); // dropped without an answer (security guidelines)
        break;
      case "request":
        deps.attach(event.session, handle);
        deps.request(event.session, event.reqMsgId, event.request);
        break;
      case "http-wait":
        link.holdAnswer?.(event.maxWaitMs); // HTTP only: stream transports write whenever they like
        break;
      case "disconnect-delay":
        clearTimeout(disconnectTimer);
        disconnectTimer = setTimeout(() => {
          if (!silent()) handle.close(); // a blackhole keeps the socket open: the client must notice by itself
        }, event.seconds * 1000);
        disconnectTimer.unref();
        break;
      default:
        break;
    }
  };

  const receive = (packet: Uint8Array): void => {
    if (closing) return;
    packets++;
    deadlines.packetArrived();
    if (deps.dropAfterPackets !== undefined && packets > deps.dropAfterPackets) {
      handle.close();
      return;
    }
    if (deps.blackholeAfterPackets !== undefined && packets > deps.blackholeAfterPackets) blackholed = true;
    const startedAt = performance.now();
    const cpuBefore = handshake === undefined ? undefined : process.cpuUsage();
    try {
      for (const serverEvent of deps.core.receive(packet)) onEvent(serverEvent);
      for (const session of deps.core.sessions) deps.attach(session, handle);
      if (deps.core.sessions.length > 0) deadlines.authenticated();
      if (handle.open) handle.send(deps.core.flush());
    } catch (error) {
      deps.onError(error);
      refuse();
    }
    if (handshake !== undefined && cpuBefore !== undefined) timeHandshake(handshake, startedAt, cpuBefore);
  };
  const timeHandshake = (
    timing: NonNullable<typeof handshake>,
    startedAt: number,
    cpuBefore: NodeJS.CpuUsage,
  ): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    timing.workMs += now - startedAt;
    timing.workCpuMs += (cpu.user + cpu.system) / 1000;
    if (timing.done) {
      const { workMs, workCpuMs } = timing;
      deps.onHandshake({ workMs, workCpuMs, elapsedMs: now - timing.startedAt });
    }
    if (timing.done || deps.core.sessions.length > 0) handshake = undefined;
  };
  return {
    receive,
    close: () => {
      clearTimeout(disconnectTimer);
    },
  };
}
