import type { AesCtr } from "@mtkit/mtproto-crypto";
import { ByteQueue } from "./byte-queue.js";
import { concatAll } from "@mtkit/mtproto-crypto/bytes";
import type { PacketConnection } from "./connection.js";
import type { TransportCrypto } from "./crypto.js";
import { encryptOwned } from "./encrypt-owned.js";
import { TransportError } from "./errors.js";
import { protocolTag, type Frame, type FrameCodec, type FramingProtocol } from "./frame.js";
import { OutputQueue } from "./output.js";
import { createFrameCodec } from "../framing/create.js";
import { createObfuscationInit } from "../obfuscation/init.js";
import { parseProxySecret, type ProxySecret } from "../obfuscation/secret.js";
import { buildClientHello } from "../faketls/client-hello.js";
import { consumeServerHello } from "../faketls/server-hello.js";
import { TlsRecordReader, TlsRecordWriter } from "../faketls/records.js";

export interface ObfuscationOptions {
  /** DC id written into the init payload (+10000 test, negative media). MTProxies need it. */
  readonly dcId?: number;
  /** MTProxy secret (bytes, hex or base64, or parsed). `dd`/`ee` secrets force padded framing. */
  readonly secret?: ProxySecret | Uint8Array | string;
}

export interface ClientConnectionOptions {
  /** Framing; default `intermediate`. MTProxy `dd`/`ee` secrets switch it to `padded`. */
  readonly protocol?: FramingProtocol;
  /** Obfuscate the stream (mandatory for WebSocket and MTProxy). `true` = no DC id, no secret. */
  readonly obfuscation?: boolean | ObfuscationOptions;
  /** Needed for obfuscation and padding; any `CryptoProvider` fits. */
  readonly crypto?: TransportCrypto;
  readonly maxPacketLength?: number;
  /** Clock for the fake-TLS timestamp (ms since epoch); default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Client side of a transport connection: tag or obfuscation header first, then framed packets,
 * optionally AES-CTR obfuscated and wrapped in fake-TLS records after a verified ServerHello.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
export class ClientConnection implements PacketConnection {
  readonly protocol: FramingProtocol;
  private readonly codec: FrameCodec;
  private readonly output = new OutputQueue();
  private encryptor: AesCtr | undefined;
  private decryptor: AesCtr | undefined;
  private tls: { writer: TlsRecordWriter; reader: TlsRecordReader } | undefined;
  /** Fake-TLS before the ServerHello is verified: what we received and what waits to be sent. */
  private handshake:
    | { crypto: TransportCrypto; key: Uint8Array; clientRandom: Uint8Array; received: ByteQueue; pending: Uint8Array[] }
    | undefined;

  constructor(options: ClientConnectionOptions = {}) {
    const obfuscation =
      options.obfuscation === true ? {} : options.obfuscation === false ? undefined : options.obfuscation;
    const secret =
      obfuscation?.secret === undefined
        ? undefined
        : isParsed(obfuscation.secret)
          ? obfuscation.secret
          : parseProxySecret(obfuscation.secret);
    this.protocol = secret !== undefined && secret.kind !== "simple" ? "padded" : (options.protocol ?? "intermediate");
    const crypto = options.crypto;
    if (crypto === undefined && (obfuscation !== undefined || this.protocol === "padded")) {
      throw new TransportError("INVALID_ARGUMENT", "obfuscation and padded framing need a crypto provider");
    }
    this.codec = createFrameCodec(this.protocol, {
      role: "client",
      ...(options.maxPacketLength === undefined ? {} : { maxPacketLength: options.maxPacketLength }),
      ...(crypto === undefined ? {} : { randomFill: (out: Uint8Array) => crypto.randomFill(out) }),
    });
    if (obfuscation === undefined || crypto === undefined) {
      this.output.push(protocolTag(this.protocol));
      return;
    }
    const fakeTls = secret?.kind === "fakeTls";
    const init = createObfuscationInit(crypto, {
      protocol: this.protocol,
      ...(obfuscation.dcId === undefined ? {} : { dcId: obfuscation.dcId }),
      ...(secret === undefined ? {} : { secretKey: secret.key }),
      insideTls: fakeTls,
    });
    this.encryptor = init.encryptor;
    this.decryptor = init.decryptor;
    if (!fakeTls) {
      this.output.push(init.header);
      return;
    }
    const unixTime = Math.floor((options.now ?? Date.now)() / 1000);
    const { hello, clientRandom } = buildClientHello(crypto, secret.key, secret.domain ?? "", unixTime);
    this.output.push(hello);
    this.tls = { writer: new TlsRecordWriter({ leadingChangeCipherSpec: true }), reader: new TlsRecordReader() };
    this.handshake = { crypto, key: secret.key, clientRandom, received: new ByteQueue(), pending: [init.header] };
  }

  sendPacket(packet: Uint8Array, quickAck = false): void {
    const ask = quickAck && this.codec.supportsQuickAck;
    if (this.encryptor === undefined && this.codec.encodePacketParts !== undefined) {
      // Plain framing: queue header and packet as they are, no copy of the packet.
      for (const part of this.codec.encodePacketParts(packet, ask)) this.output.push(part);
      return;
    }
    const framed = this.codec.encodePacket(packet, ask);
    const encrypted = this.encryptor === undefined ? framed : encryptOwned(this.encryptor, framed);
    if (this.handshake !== undefined) this.handshake.pending.push(encrypted);
    else this.output.push(this.tls === undefined ? encrypted : this.tls.writer.wrap(encrypted));
  }

  receive(bytes: Uint8Array): Frame[] {
    let incoming = bytes;
    if (this.handshake !== undefined) {
      const hs = this.handshake;
      hs.received.push(bytes);
      if (!consumeServerHello(hs.crypto, hs.received, hs.key, hs.clientRandom)) return [];
      this.handshake = undefined;
      this.output.push(this.tls!.writer.wrap(concatAll(hs.pending)));
      incoming = hs.received.takeAll();
    }
    const streamed = this.tls === undefined ? incoming : concatAll(this.tls.reader.unwrap(incoming));
    const plain = this.decryptor === undefined ? streamed : this.decryptor.process(streamed);
    return this.codec.decode(plain);
  }

  takeOutput(): Uint8Array | undefined {
    return this.output.take();
  }

  takeOutputParts(): Uint8Array[] {
    return this.output.takeParts();
  }
}

function isParsed(secret: ProxySecret | Uint8Array | string): secret is ProxySecret {
  return typeof secret === "object" && "kind" in secret;
}
