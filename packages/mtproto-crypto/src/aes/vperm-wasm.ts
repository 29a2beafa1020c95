/**
 * The one instance of the SIMD AES module (vperm-wasm-code.ts) and its round keys. Runtimes
 * without WebAssembly SIMD (checked with `WebAssembly.validate`, so nothing is compiled in vain)
 * or without WebAssembly keep the scalar module (aes-wasm.ts) or the JS loops.
 */
import { expandDecryptionKey, expandEncryptionKey } from "./aes-key.js";
import { buildVpermWasm, VPERM_LAYOUT, VPERM_TABLE_ORDER } from "./vperm-wasm-code.js";
import { VPERM_TABLES, vpermState } from "./vperm-tables.js";

export interface VpermWasmExports {
  readonly memory: WebAssembly.Memory;
  readonly encrypt: (length: number, rounds: number) => void;
  readonly decrypt: (length: number, rounds: number) => void;
  readonly ctr: (length: number, rounds: number) => void;
}

const PAGE = 65536;
let instance: VpermWasmExports | null | undefined;

/** The module, or undefined when WebAssembly SIMD is missing or forbidden (CSP). */
export function loadVpermWasm(): VpermWasmExports | undefined {
  if (instance === undefined) {
    instance = null;
    try {
      const bytes = buildVpermWasm();
      if (typeof WebAssembly === "object" && WebAssembly.validate(bytes)) {
        const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {})
          .exports as unknown as VpermWasmExports;
        const memory = new Uint8Array(exports.memory.buffer);
        VPERM_TABLE_ORDER.forEach((name, n) => {
          memory.set(VPERM_TABLES[name]!, VPERM_LAYOUT.tables + 16 * n);
        });
        instance = exports;
      }
    } catch {
      // WebAssembly forbidden: the caller keeps another implementation.
    }
  }
  return instance ?? undefined;
}

export function vpermAvailable(): boolean {
  return loadVpermWasm() !== undefined;
}

export interface VpermViews {
  readonly memory: Uint8Array;
  readonly counter: Int32Array;
  /** The round-key area, room for AES-256's 15 round keys. */
  readonly keys: Int32Array;
}
let views: VpermViews | undefined;

/** Views of the module's memory, made again only when growing it replaced the buffer (calls run per message). */
export function vpermViews(buffer: ArrayBuffer): VpermViews {
  if (views?.memory.buffer !== buffer)
    views = {
      memory: new Uint8Array(buffer),
      counter: new Int32Array(buffer, VPERM_LAYOUT.counter, 4),
      keys: new Int32Array(buffer, VPERM_LAYOUT.keys, 60),
    };
  return views;
}

/** Grows the memory so `length` data bytes fit, and returns the (possibly new) buffer. */
export function reserveVpermData(wasm: VpermWasmExports, length: number): ArrayBuffer {
  const needed = VPERM_LAYOUT.data + length;
  const have = wasm.memory.buffer.byteLength;
  if (have < needed) wasm.memory.grow(Math.ceil((needed - have) / PAGE));
  return wasm.memory.buffer;
}

/**
 * Which CTR stream's round keys and counter are in the module's memory (one instance serves every
 * stream): a stream that calls again with nothing else in between skips rewriting them. Obfuscated
 * connections call once per frame, mostly small ones, where these copies were most of the cost.
 * Anything else that writes the keys area (writeVpermKeys) clears it.
 */
let keysOwner: object | undefined;

/** True when `owner` must (re)write its keys and counter; from then on they are its. */
export function claimVpermKeys(owner: object): boolean {
  if (keysOwner === owner) return false;
  keysOwner = owner;
  return true;
}

// State form of every byte: first round key as is, middle ones with the S-box constant 0x63 folded in.
// The last round key as AES bytes: + 0x63 for encryption, as is for decryption.
const ENC_FIRST = new Uint8Array(256),
  ENC_MIDDLE = new Uint8Array(256),
  DEC_MIDDLE = new Uint8Array(256),
  ENC_LAST = new Uint8Array(256),
  DEC_LAST = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  ENC_FIRST[b] = vpermState(b, false);
  ENC_MIDDLE[b] = vpermState(b ^ 0x63, false);
  DEC_MIDDLE[b] = vpermState(b ^ 0x63, true);
  ENC_LAST[b] = b ^ 0x63;
  DEC_LAST[b] = b;
}

/**
 * Writes the round keys in the order the module uses them, transposed like the state (row r in
 * lane r), each already in the form it is XORed
 * in: encryption K0 (state form), K1..K(r-1) (+0x63, state form), Kr + 0x63 (AES bytes);
 * decryption the equivalent inverse cipher's keys (FIPS-197 §5.3.5), all but the last in the
 * decryption state form with 0x63 folded in. Returns the number of rounds.
 */
export function writeVpermKeys(buffer: ArrayBuffer, key: Uint8Array, decrypt: boolean): number {
  keysOwner = undefined;
  const { rounds, words } = decrypt ? expandDecryptionKey(key) : expandEncryptionKey(key);
  // Lane r of a round key holds byte r of its four words (wasm memory is little-endian, so word w's
  // byte lands at bits 8w): one 32-bit store per lane instead of four byte stores, since this runs
  // once per message and was a quarter of a 256-byte encryption.
  const out = vpermViews(buffer).keys;
  for (let round = 0; round <= rounds; round++) {
    const table =
      round === rounds ? (decrypt ? DEC_LAST : ENC_LAST) : decrypt ? DEC_MIDDLE : round === 0 ? ENC_FIRST : ENC_MIDDLE;
    const w0 = words[4 * round]!,
      w1 = words[4 * round + 1]!,
      w2 = words[4 * round + 2]!,
      w3 = words[4 * round + 3]!;
    for (let lane = 0, shift = 24; lane < 4; lane++, shift -= 8) {
      out[4 * round + lane] =
        table[(w0 >>> shift) & 0xff]! |
        (table[(w1 >>> shift) & 0xff]! << 8) |
        (table[(w2 >>> shift) & 0xff]! << 16) |
        (table[(w3 >>> shift) & 0xff]! << 24);
    }
  }
  return rounds;
}
