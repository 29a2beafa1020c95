/** A user to create before any client connects. */
export interface UserSeed {
  readonly phone: string;
  readonly firstName: string;
  readonly lastName?: string;
  readonly username?: string;
  /** 2FA password (SRP, https://core.telegram.org/api/srp). */
  readonly password?: string;
  readonly passwordHint?: string;
  /** Default: the world's `homeDc`. */
  readonly homeDc?: number;
}

/** A bot: it logs in with auth.importBotAuthorization(token). */
export interface BotSeed {
  readonly token: string;
  readonly username: string;
  readonly firstName: string;
  readonly homeDc?: number;
}

/** A channel or supergroup, optionally with many generated members (no handshake per member). */
export interface ChannelSeed {
  readonly title: string;
  /** Supergroup (default) or broadcast channel. */
  readonly megagroup?: boolean;
  readonly username?: string;
  /** Creator: an existing account's id; default: a generated user. */
  readonly creatorId?: bigint;
  /** Existing accounts to add. */
  readonly memberIds?: readonly bigint[];
  /** How many generated users (phones 42<n>, names "Member n") to add on top. */
  readonly generatedMembers?: number;
}
