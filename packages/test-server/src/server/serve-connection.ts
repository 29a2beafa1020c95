import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import { ServerHandshake, type CreatedAuthKey, type ServerHandshakeDeps } from "../handshake/server-handshake.js";
import { receiveEncrypted, type InboxDeps } from "../session/encrypted-inbox.js";
import { isPlainPacket, readPlainMessage, writePlainMessage } from "../session/plain-message.js";
import type { ServerMsgIds } from "../session/server-msg-ids.js";
import type { SessionLink } from "../session/session-link.js";

/** Transport error: unknown auth key or broken handshake (https://core.telegram.org/mtproto/mtproto-transports#transport-errors). */
const AUTH_KEY_NOT_FOUND = -404;

export interface ConnectionDeps {
  readonly handshake: ServerHandshakeDeps;
  readonly inbox: InboxDeps;
  readonly msgIds: ServerMsgIds;
  /** Fault knob captured when the connection opens: close it once it received this many packets. */
  readonly dropAfterPackets: number | undefined;
  addKey(created: CreatedAuthKey): void;
  onError(error: unknown): void;
}

/** Wires one accepted connection: plain packets to the handshake, encrypted ones to the inbox. */
export function serveConnection(deps: ConnectionDeps, link: ServerConnectionLink): void {
  const handshake = new ServerHandshake(deps.handshake);
  let packets = 0;
  let disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  // Set at once so nothing more (not even a pending ack) goes out after a close we asked for.
  let closing = false;
  const close = (): void => {
    closing = true;
    void link.close();
  };
  const sessionLink: SessionLink = {
    get open() {
      return !closing && !link.closed;
    },
    sendPacket: (packet) => {
      link.send(packet).catch(() => undefined); // a closed link drops it; the session resends nothing lost
    },
    close,
    scheduleDisconnect: (seconds) => {
      clearTimeout(disconnectTimer);
      disconnectTimer = setTimeout(close, seconds * 1000);
      disconnectTimer.unref();
    },
  };
  const rejectWith404 = (): void => {
    link.sendStatus(AUTH_KEY_NOT_FOUND).catch(() => undefined);
  };

  link.subscribe((event) => {
    if (event.type === "close") {
      clearTimeout(disconnectTimer);
      return;
    }
    if (event.type !== "packet") return;
    packets++;
    if (deps.dropAfterPackets !== undefined && packets > deps.dropAfterPackets) {
      close();
      return;
    }
    const packet = event.packet;
    try {
      if (isPlainPacket(packet)) {
        const { body } = readPlainMessage(packet);
        const step = handshake.handle(body);
        if (step.created !== undefined) deps.addKey(step.created);
        link.send(writePlainMessage(deps.msgIds.next(true), step.reply)).catch(() => undefined);
        return;
      }
      const outcome = receiveEncrypted(deps.inbox, packet, sessionLink);
      if (outcome !== "ok") rejectWith404();
    } catch (error) {
      // Malformed input of any kind: the spec's answer is -404 (and the client starts over).
      deps.onError(error);
      rejectWith404();
    }
  });
}
