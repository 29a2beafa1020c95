/**
 * Stateful AES-256-CTR through the AES-NI addon (src/native/aes_ige.c, `ctrXor`). For the 1 KiB
 * packets of an obfuscated connection
 * (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation) the fixed cost of
 * node:crypto's `Cipher.update` (~1.5 µs: stream machinery, a new Buffer) is most of the work; one
 * addon call into preallocated output costs a fraction of it. The stream keeps the key, the
 * big-endian counter and the unused rest of the last keystream block, so calls continue one stream.
 */
import { BufferedCtr } from "../aes/buffered-ctr.js";
import type { NativeAes } from "./native-aes.js";

type CtrXor = NonNullable<NativeAes["ctrXor"]>;

export class NativeAesCtr extends BufferedCtr {
  readonly #ctrXor: CtrXor;
  readonly #key: Uint8Array;
  readonly #counter: Uint8Array;

  constructor(ctrXor: CtrXor, key: Uint8Array, iv: Uint8Array) {
    super();
    if (key.length !== 32) throw new RangeError(`the AES-NI CTR stream needs a 32-byte key, got ${key.length}`);
    if (iv.length !== 16) throw new RangeError(`AES-CTR iv must be 16 bytes, got ${iv.length}`);
    this.#ctrXor = ctrXor;
    this.#key = Uint8Array.from(key);
    this.#counter = Uint8Array.from(iv);
  }

  protected xorBlocks(data: Uint8Array, out: Uint8Array, from: number): void {
    const n = data.length;
    const ks = this.keystream;
    const i = from;
    const rest = n - i;
    this.#ctrXor(i === 0 ? data : data.subarray(i), i === 0 ? out : out.subarray(i), this.#key, this.#counter, ks);
    // A trailing partial block left its keystream in `ks`; the bytes past the data are still unused.
    if (rest % 16 !== 0) this.used = rest % 16;
  }
}
