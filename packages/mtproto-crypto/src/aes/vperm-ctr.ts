/**
 * Stateful AES-CTR (obfuscation: https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation)
 * in the SIMD module (vperm-wasm-code.ts). Same contract as WasmAesCtr: round keys and counter are
 * kept here and written before each call (one module instance serves every stream), a trailing
 * partial block runs padded with zeros so its keystream is kept for the next call.
 */
import { BufferedCtr, counterWordsFromIv } from "./buffered-ctr.js";
import { VPERM_LAYOUT } from "./vperm-wasm-code.js";
import { claimVpermKeys, loadVpermWasm, reserveVpermData, vpermViews, writeVpermKeys } from "./vperm-wasm.js";

export class VpermAesCtr extends BufferedCtr {
  readonly #keys: Uint8Array;
  readonly #rounds: number;
  /** The counter as the module keeps it: i64 high then i64 low, each as two native i32 words (low word first). */
  readonly #counter: Int32Array;

  constructor(key: Uint8Array, iv: Uint8Array) {
    super();
    const wasm = loadVpermWasm()!;
    const buffer = reserveVpermData(wasm, 0);
    this.#rounds = writeVpermKeys(buffer, key, false);
    this.#keys = new Uint8Array(buffer, VPERM_LAYOUT.keys, 16 * (this.#rounds + 1)).slice();
    const [w0, w1, w2, w3] = counterWordsFromIv(iv) as unknown as [number, number, number, number];
    this.#counter = Int32Array.of(w1, w0, w3, w2);
  }

  protected xorBlocks(data: Uint8Array, out: Uint8Array, from: number): void {
    const rest = data.length - from;
    const padded = (rest + 15) & ~15;
    const wasm = loadVpermWasm()!;
    const { memory, counter } = vpermViews(reserveVpermData(wasm, padded));
    const start = VPERM_LAYOUT.data;
    memory.set(from === 0 ? data : data.subarray(from), start);
    if (padded !== rest) memory.fill(0, start + rest, start + padded);
    if (claimVpermKeys(this)) {
      memory.set(this.#keys, VPERM_LAYOUT.keys);
      counter.set(this.#counter);
    }
    wasm.ctr(padded, this.#rounds);
    this.#counter.set(counter);
    out.set(memory.subarray(start, start + rest), from);
    if (padded !== rest) {
      this.keystream.set(memory.subarray(start + padded - 16, start + padded));
      this.used = 16 - (padded - rest);
    }
  }
}
