import type { SessionCodec } from "../tl/codec.js";
import { readInt64LE } from "@mtkit/mtproto-crypto/bytes";
import { AckQueue } from "./ack-queue.js";
import type { AuthKey, CryptoProvider } from "@mtkit/mtproto-crypto";
import { MsgIdClock, type MsgIdRole } from "./msg-id-clock.js";
import { Outbox } from "./outbox.js";
import { ReplayWindow } from "./replay-window.js";
import { ClientSalts } from "./salts.js";
import { SeqNoCounter } from "./seq-no.js";
import type { GzipCompressor } from "./gzip.js";
import type { AsyncGunzip } from "./gzip-streams.js";

/** Injected effects: the core never reads a clock or a random source of its own. */
export interface SessionEnvironment {
  readonly crypto: CryptoProvider;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly randomBytes: (length: number) => Uint8Array;
  /**
   * How outgoing bodies are gzip_packed where that pays: the platform's native compressor (Node:
   * `(data) => zlib.gzipSync(data)`), `false` to never compress, or absent for the portable one.
   */
  readonly gzip?: GzipCompressor | false;
  /**
   * An asynchronous inflater for incoming gzip_packed (browsers: `inflateWithStreams`, on
   * DecompressionStream). Absent: the synchronous portable one, inside the core. Client role only.
   */
  readonly gunzip?: AsyncGunzip;
}

export function randomLong(env: SessionEnvironment): bigint {
  return readInt64LE(env.randomBytes(8), 0);
}

/**
 * Everything one MTProto session (https://core.telegram.org/mtproto/description#session) keeps:
 * key, session id, salts, the msg-id clock, seq_no, the replay window, pending acks and the outbox.
 */
export class SessionState {
  sessionId: bigint;
  readonly clock: MsgIdClock;
  readonly seq = new SeqNoCounter();
  readonly replay = new ReplayWindow();
  readonly acks = new AckQueue();
  readonly outbox = new Outbox();
  readonly salts: ClientSalts;
  /** Set once the server's time is known (handshake, bad_msg 16/17); enables the msg_id time window. */
  timeSynced: boolean;

  constructor(
    readonly env: SessionEnvironment,
    readonly codec: SessionCodec,
    public authKey: AuthKey,
    role: MsgIdRole,
    options: { readonly serverSalt?: bigint; readonly timeOffsetMs?: number; readonly sessionId?: bigint } = {},
  ) {
    this.sessionId = options.sessionId ?? randomLong(env);
    this.clock = new MsgIdClock(env.now, role);
    if (options.timeOffsetMs !== undefined) this.clock.setOffsetMs(options.timeOffsetMs);
    this.timeSynced = options.timeOffsetMs !== undefined;
    this.salts = new ClientSalts(options.serverSalt ?? 0n);
  }

  /** Starts a fresh session id (seq_no restarts at 0, the replay window is cleared). */
  renewSession(): void {
    this.sessionId = randomLong(this.env);
    this.seq.reset();
    this.replay.clear();
  }
}
