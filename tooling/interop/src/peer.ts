/**
 * One library, driven through its own high-level API, as a bot or app developer would use it. The
 * scenarios (src/scenarios.ts) are written once against this interface and run for every library and
 * transport, so a difference in outcome is a difference between libraries, not between tests.
 */
export interface InteropPeer {
  /** "mtkit", "mtcute" or "gramjs". */
  readonly library: string;
  /** The transport name as the library calls it. */
  readonly transport: string;
  /**
   * Logs in with a phone number. Without `code`, a test number (https://core.telegram.org/api/auth#test-accounts):
   * the code is the DC digit five times; otherwise `code` fetches the code the server sent.
   */
  loginWithPhone(phone: string, code?: () => Promise<string>): Promise<bigint>;
  /** Logs in with a bot token (auth.importBotAuthorization). */
  loginWithBotToken(token: string): Promise<bigint>;
  /** Sends text to a user by `@username`, or to a group returned by createGroup. */
  sendText(to: string | GroupRef, text: string): Promise<void>;
  /** Starts listening now; resolves with the first incoming message whose text is `text`. */
  expectText(text: string): Promise<ReceivedText>;
  /** A basic group (messages.createChat) with these `@username` members. */
  createGroup(title: string, members: readonly string[]): Promise<GroupRef>;
  /** Uploads `bytes` (upload.saveFilePart + messages.uploadMedia) and downloads the document again. */
  uploadAndDownload(bytes: Uint8Array, name: string): Promise<Uint8Array>;
  /** Drops every connection; the session (keys, update state) stays in the peer's storage. */
  goOffline(): Promise<void>;
  /** Reconnects from the same storage; a library with catch-up fetches what it missed. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

/** A group as a library names it; only the peer that created it may pass it back. */
export interface GroupRef {
  readonly chatId: bigint;
  readonly handle: unknown;
}

export interface ReceivedText {
  readonly text: string;
  /** Whether it arrived in a group (false: a private chat). */
  readonly inGroup: boolean;
}

/** A factory per library and transport: a fresh client with fresh storage each call. */
export type PeerFactory = () => InteropPeer;
