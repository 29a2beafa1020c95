/** The connection a session currently talks through (the last one that carried its messages). */
export interface SessionLink {
  readonly open: boolean;
  sendPacket(packet: Uint8Array): void;
  close(): void;
  /** ping_delay_disconnect: close unless another ping arrives within `seconds`. */
  scheduleDisconnect(seconds: number): void;
}
