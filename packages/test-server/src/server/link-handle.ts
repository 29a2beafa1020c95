/** The connection a session currently talks through, as the dispatcher sees it. */
export interface LinkHandle {
  readonly open: boolean;
  send(packets: readonly Uint8Array[]): void;
  close(): void;
}
