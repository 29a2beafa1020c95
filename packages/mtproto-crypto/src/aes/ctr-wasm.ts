/**
 * Stateful AES-CTR through the generated WebAssembly module (ctr-wasm-code.ts): the keystream
 * continues across `process` calls, as obfuscation needs
 * (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation). The stream keeps
 * its round keys, its counter and the unused rest of the last keystream block; each call first
 * spends that rest, then runs whole blocks in wasm. A trailing partial block is run padded with
 * zeros, so the bytes past the data come out as the keystream that the next call starts with.
 */
import { BufferedCtr, counterWordsFromIv } from "./buffered-ctr.js";
import { expandEncryptionKey } from "./aes-key.js";
import { loadAesWasm, reserveData, writeRoundKeys } from "./aes-wasm.js";
import { WASM_LAYOUT } from "./ige-wasm-code.js";

export class WasmAesCtr extends BufferedCtr {
  readonly #rk: Int32Array;
  readonly #rounds: number;
  /** The big-endian 128-bit counter as four words, most significant first. */
  readonly #counter: Int32Array;

  constructor(key: Uint8Array, iv: Uint8Array) {
    super();
    const schedule = expandEncryptionKey(key);
    this.#rk = schedule.words;
    this.#rounds = schedule.rounds;
    this.#counter = counterWordsFromIv(iv);
  }

  protected xorBlocks(data: Uint8Array, out: Uint8Array, from: number): void {
    const n = data.length;
    const ks = this.keystream;
    const i = from;
    const rest = n - i;
    const padded = (rest + 15) & ~15;
    const wasm = loadAesWasm()!;
    const buffer = reserveData(wasm, padded);
    const memory = new Uint8Array(buffer);
    const start = WASM_LAYOUT.data;
    memory.set(i === 0 ? data : data.subarray(i), start);
    memory.fill(0, start + rest, start + padded);
    writeRoundKeys(buffer, this.#rk);
    const counter = new Int32Array(buffer, WASM_LAYOUT.counter, 4);
    counter.set(this.#counter);
    wasm.ctr(padded, this.#rounds);
    this.#counter.set(counter);
    out.set(memory.subarray(start, start + rest), i);
    if (padded !== rest) {
      // Zeros XOR keystream = keystream: the block's bytes past `rest` are what the next call uses.
      ks.set(memory.subarray(start + padded - 16, start + padded));
      this.used = 16 - (padded - rest);
    }
  }
}
