import { ByteQueue } from "../codec/byte-queue.js";
import { TransportError } from "../codec/errors.js";

/** TDLib's MAX_TLS_PACKET_LENGTH: the payload size at which it splits application records. */
export const MAX_TLS_WRITE_PAYLOAD = 2878;
/** TLS 1.3 allows 2^14 + 256 bytes of ciphertext per record; anything larger is garbage. */
const MAX_TLS_READ_PAYLOAD = 16384 + 256;

/**
 * Wraps a byte stream in TLS application-data records (17 03 03 len), splitting large writes.
 * The client's first write starts with a ChangeCipherSpec record, as a TLS 1.3 client would.
 */
export class TlsRecordWriter {
  private needsChangeCipherSpec: boolean;

  constructor(options: { readonly leadingChangeCipherSpec: boolean; readonly maxPayload?: number }) {
    this.needsChangeCipherSpec = options.leadingChangeCipherSpec;
    this.maxPayload = options.maxPayload ?? MAX_TLS_WRITE_PAYLOAD;
  }

  private readonly maxPayload: number;

  wrap(data: Uint8Array): Uint8Array {
    const records = Math.ceil(data.length / this.maxPayload);
    const prefix = this.needsChangeCipherSpec ? 6 : 0;
    const out = new Uint8Array(prefix + records * 5 + data.length);
    if (this.needsChangeCipherSpec) {
      out.set([0x14, 0x03, 0x03, 0x00, 0x01, 0x01], 0);
      this.needsChangeCipherSpec = false;
    }
    let at = prefix;
    for (let offset = 0; offset < data.length; offset += this.maxPayload) {
      const chunk = data.subarray(offset, offset + this.maxPayload);
      out.set([0x17, 0x03, 0x03, chunk.length >>> 8, chunk.length & 0xff], at);
      out.set(chunk, at + 5);
      at += 5 + chunk.length;
    }
    return out;
  }
}

/** Unwraps TLS records back into the byte stream: application data kept, ChangeCipherSpec skipped. */
export class TlsRecordReader {
  private readonly queue = new ByteQueue();

  unwrap(bytes: Uint8Array): Uint8Array[] {
    this.queue.push(bytes);
    const out: Uint8Array[] = [];
    while (this.queue.length >= 5) {
      const type = this.queue.byteAt(0);
      if ((type !== 0x17 && type !== 0x14) || this.queue.byteAt(1) !== 0x03 || this.queue.byteAt(2) !== 0x03) {
        throw new TransportError("TLS_RECORD", `unexpected TLS record header ${type}`, { type });
      }
      const size = (this.queue.byteAt(3) << 8) | this.queue.byteAt(4);
      if (size > MAX_TLS_READ_PAYLOAD)
        throw new TransportError("TLS_RECORD", `TLS record of ${size} bytes`, { length: size });
      if (this.queue.length < 5 + size) break;
      this.queue.skip(5);
      const payload = this.queue.take(size);
      if (type === 0x17) out.push(payload);
    }
    return out;
  }
}
