import type { AesCtr } from "@mtkit/mtproto-crypto";
import { ByteQueue } from "./byte-queue.js";
import { concatAll } from "@mtkit/mtproto-crypto/bytes";
import type { ConnectionInfo, ServerPacketConnection } from "./connection.js";
import type { TransportCrypto } from "./crypto.js";
import { encryptOwned } from "./encrypt-owned.js";
import { TransportError } from "./errors.js";
import type { Frame, FrameCodec } from "./frame.js";
import { OutputQueue } from "./output.js";
import type { FrameBufferBudget } from "./frame-buffer-budget.js";
import { detectPlainProtocol } from "./detect.js";
import { createFrameCodec } from "../framing/create.js";
import { acceptObfuscationHeader } from "../obfuscation/accept.js";
import { parseProxySecret, type ProxySecret } from "../obfuscation/secret.js";
import { acceptClientHello, clientHelloRecordLength } from "../faketls/accept-hello.js";
import { buildServerHello } from "../faketls/server-hello.js";
import { TlsRecordReader, TlsRecordWriter } from "../faketls/records.js";

/** Bytes of a transport's start joined into one copy while it is detected: an obfuscation header. */
const DETECTION_JOIN_BYTES = 64;

export interface ServerConnectionOptions {
  /** Needed to accept obfuscated, MTProxy and fake-TLS connections and to pad. */
  readonly crypto?: TransportCrypto;
  /** MTProxy secrets accepted (fake-TLS ones also enable the TLS front). */
  readonly secrets?: readonly (ProxySecret | Uint8Array | string)[];
  /** Refuse connections that use no secret (what a real MTProxy does). Default false. */
  readonly requireSecret?: boolean;
  readonly maxPacketLength?: number;
  /** Clock (ms) for the fake-TLS freshness check; default `Date.now`. */
  readonly now?: () => number;
  /** Allowed difference between the ClientHello timestamp and `now`, seconds. Default 600. */
  readonly maxClockSkewSeconds?: number;
  /** Shared by every connection of a listener: bounds the bytes all their partial frames hold. */
  readonly frameBufferBudget?: FrameBufferBudget;
}

/**
 * Server side of a transport connection. It recognises the transport from the first bytes:
 * 0xef, 0xeeeeeeee, 0xdddddddd, the full transport (seq 0 in bytes 4..8, which obfuscation forbids),
 * a TLS ClientHello (fake-TLS secrets), else a 64-byte obfuscation header tried against each secret.
 * https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
 */
export class ServerConnection implements ServerPacketConnection {
  private readonly options: ServerConnectionOptions;
  private readonly secrets: readonly ProxySecret[];
  private readonly pending = new ByteQueue();
  private readonly output = new OutputQueue();
  private codec: FrameCodec | undefined;
  private encryptor: AesCtr | undefined;
  private decryptor: AesCtr | undefined;
  private tls: { writer: TlsRecordWriter; reader: TlsRecordReader; secretIndex: number } | undefined;
  private detected: ConnectionInfo | undefined;
  /** This connection's share of `frameBufferBudget`. */
  private budgeted = 0;

  constructor(options: ServerConnectionOptions = {}) {
    this.options = options;
    this.secrets = (options.secrets ?? []).map((s) =>
      s instanceof Uint8Array || typeof s === "string" ? parseProxySecret(s) : s,
    );
  }

  get info(): ConnectionInfo | undefined {
    return this.detected;
  }

  receive(bytes: Uint8Array): Frame[] {
    const frames = this.receiveBytes(bytes);
    const budget = this.options.frameBufferBudget;
    if (budget !== undefined) {
      const buffered = this.bufferedLength;
      const before = this.budgeted;
      this.budgeted = 0; // `update` throws with the share already returned
      budget.update(before, buffered);
      this.budgeted = buffered;
    }
    return frames;
  }

  /** Bytes held for frames not complete yet (transport detection included). */
  get bufferedLength(): number {
    return this.pending.length + (this.codec?.bufferedLength ?? 0);
  }

  /** Gives this connection's share of the frame buffer budget back (the connection closed). */
  release(): void {
    this.options.frameBufferBudget?.update(this.budgeted, 0);
    this.budgeted = 0;
  }

  private receiveBytes(bytes: Uint8Array): Frame[] {
    if (this.codec !== undefined) {
      const streamed = this.tls === undefined ? bytes : concatAll(this.tls.reader.unwrap(bytes));
      return this.codec.decode(this.decryptor === undefined ? streamed : this.decryptor.process(streamed));
    }
    let records = bytes;
    if (this.tls === undefined) {
      this.pushDetecting(bytes);
      if (!this.detectOuter()) return [];
      // Plain or obfuscated: `pending` now holds decrypted framing bytes.
      const decided = this.decidedCodec();
      if (decided !== undefined) return decided.decode(this.pending.takeAll());
      // Fake-TLS accepted: `pending` holds the records that followed the ClientHello.
      records = this.pending.takeAll();
    }
    const tls = this.tls!;
    // The obfuscation header arrives inside the first records, encrypted with the matched secret.
    this.pending.push(concatAll(tls.reader.unwrap(records)));
    if (!this.detectObfuscated([tls.secretIndex])) return [];
    return this.codec!.decode(this.pending.takeAll());
  }

  /**
   * Before the transport is known, a peer that drips its first bytes (slowloris, issue 13) would make
   * `pending` hold one view per read, each keeping alive a read buffer of the socket (two objects and
   * a native allocation per byte). Up to an obfuscation header's worth, the bytes are joined into one
   * copy, small enough for V8 to keep on its heap, and the read buffers are freed.
   */
  private pushDetecting(bytes: Uint8Array): void {
    const total = this.pending.length + bytes.length;
    if (total > DETECTION_JOIN_BYTES) {
      this.pending.push(bytes);
      return;
    }
    const joined = new Uint8Array(total);
    joined.set(this.pending.takeAll());
    joined.set(bytes, total - bytes.length);
    this.pending.push(joined);
  }

  sendPacket(packet: Uint8Array, quickAck = false): void {
    const codec = this.readyCodec();
    if (this.encryptor === undefined && this.tls === undefined && codec.encodePacketParts !== undefined) {
      // Plain framing: queue header and packet as they are, no copy of the packet.
      for (const part of codec.encodePacketParts(packet, quickAck)) this.output.push(part);
      return;
    }
    this.write(codec.encodePacket(packet, quickAck));
  }

  sendQuickAck(token: number): void {
    this.write(this.readyCodec().encodeQuickAck(token));
  }

  sendStatus(status: number): void {
    this.write(this.readyCodec().encodeStatus(status));
  }

  takeOutput(): Uint8Array | undefined {
    return this.output.take();
  }

  takeOutputParts(): Uint8Array[] {
    return this.output.takeParts();
  }

  private write(framed: Uint8Array): void {
    const encrypted = this.encryptor === undefined ? framed : encryptOwned(this.encryptor, framed);
    this.output.push(this.tls === undefined ? encrypted : this.tls.writer.wrap(encrypted));
  }

  /** Read through a method: detection sets `codec` as a side effect that narrowing cannot see. */
  private decidedCodec(): FrameCodec | undefined {
    return this.codec;
  }

  private readyCodec(): FrameCodec {
    if (this.codec === undefined)
      throw new TransportError("INVALID_STATE", "cannot send before the client's transport is known");
    return this.codec;
  }

  /** Plain tags, full, or fake-TLS. Returns true once decided (codec or TLS set). */
  private detectOuter(): boolean {
    const head = this.pending.peek(Math.min(this.pending.length, 8));
    const plain = detectPlainProtocol(head);
    if (plain === "need-more") return false;
    if (plain !== undefined) {
      if (this.options.requireSecret === true)
        throw new TransportError("UNKNOWN_PROTOCOL", "this server requires an MTProxy secret");
      this.pending.skip(plain.tagLength);
      this.codec = this.frameCodec(plain.protocol);
      this.detected = { protocol: plain.protocol, obfuscated: false };
      return true;
    }
    // A TLS handshake record (16 03 01). An obfuscated init may start with 0x16 too (only 16 03 01 02
    // is forbidden to it), so all three bytes decide; a random init matches them once in 2^24.
    const tlsSecrets = this.secrets.flatMap((s, index) => (s.kind === "fakeTls" ? [index] : []));
    if (tlsSecrets.length > 0 && head[0] === 0x16 && head[1] === 0x03 && head[2] === 0x01)
      return this.acceptTls(head, tlsSecrets);
    return this.detectObfuscated(undefined);
  }

  private acceptTls(head: Uint8Array, secretIndexes: number[]): boolean {
    if (head.length < 5) return false;
    const length = clientHelloRecordLength(head);
    if (this.pending.length < length) return false;
    const crypto = this.requireCrypto();
    const hello = this.pending.take(length);
    const nowSeconds = Math.floor((this.options.now ?? Date.now)() / 1000);
    const accepted = acceptClientHello(
      crypto,
      hello,
      secretIndexes.map((i) => this.secrets[i]!.key),
      nowSeconds,
      this.options.maxClockSkewSeconds ?? 600,
    );
    const secretIndex = secretIndexes[accepted.secretIndex]!;
    this.output.push(
      buildServerHello(crypto, this.secrets[secretIndex]!.key, accepted.clientRandom, accepted.sessionId),
    );
    this.tls = {
      writer: new TlsRecordWriter({ leadingChangeCipherSpec: false }),
      reader: new TlsRecordReader(),
      secretIndex,
    };
    return true;
  }

  /** Needs 64 bytes in `pending`; `only` restricts the secrets tried (fake-TLS: the matched one). */
  private detectObfuscated(only: number[] | undefined): boolean {
    if (this.pending.length < 64) return false;
    const crypto = this.requireCrypto();
    const indexes = only ?? this.secrets.map((_, i) => i);
    const candidates: (Uint8Array | undefined)[] = indexes.map((i) => this.secrets[i]!.key);
    if (only === undefined && this.options.requireSecret !== true) candidates.push(undefined);
    const accepted = acceptObfuscationHeader(crypto, this.pending.take(64), candidates);
    if (accepted === undefined)
      throw new TransportError("UNKNOWN_PROTOCOL", "first bytes match no transport, obfuscation header or secret");
    this.encryptor = accepted.encryptor;
    this.decryptor = accepted.decryptor;
    this.codec = this.frameCodec(accepted.protocol);
    const secretIndex = accepted.secretIndex === undefined ? undefined : indexes[accepted.secretIndex];
    const secretKind = secretIndex === undefined ? undefined : this.secrets[secretIndex]!.kind;
    this.detected = {
      protocol: accepted.protocol,
      obfuscated: true,
      dcId: accepted.dcId,
      ...(secretIndex === undefined ? {} : { secretIndex, secretKind: secretKind! }),
    };
    // Whatever followed the header is ciphertext: decrypt it in order, before newer bytes.
    const rest = this.pending.takeAll();
    this.pending.push(this.decryptor.process(rest));
    return true;
  }

  private frameCodec(protocol: "abridged" | "intermediate" | "padded" | "full"): FrameCodec {
    const crypto = this.options.crypto;
    return createFrameCodec(protocol, {
      role: "server",
      ...(this.options.maxPacketLength === undefined ? {} : { maxPacketLength: this.options.maxPacketLength }),
      ...(crypto === undefined ? {} : { randomFill: (out: Uint8Array) => crypto.randomFill(out) }),
    });
  }

  private requireCrypto(): TransportCrypto {
    if (this.options.crypto === undefined)
      throw new TransportError("UNKNOWN_PROTOCOL", "obfuscated transport but no crypto provider configured");
    return this.options.crypto;
  }
}
