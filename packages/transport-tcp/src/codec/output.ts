import { concatAll } from "@mtkit/mtproto-crypto/bytes";

/** Bytes waiting to be written to the carrier, drained in one piece or as the queued parts. */
export class OutputQueue {
  private parts: Uint8Array[] = [];

  push(bytes: Uint8Array): void {
    if (bytes.length > 0) this.parts.push(bytes);
  }

  /** Everything queued since the last call, or undefined when nothing is pending. */
  take(): Uint8Array | undefined {
    if (this.parts.length === 0) return undefined;
    const out = this.parts.length === 1 ? this.parts[0]! : concatAll(this.parts);
    this.parts = [];
    return out;
  }

  /** Everything queued since the last call as separate parts (empty when nothing is pending). */
  takeParts(): Uint8Array[] {
    const out = this.parts;
    this.parts = [];
    return out;
  }
}
