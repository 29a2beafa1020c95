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
const ENC_FIRST = new Uint8Array(256),
  ENC_MIDDLE = new Uint8Array(256),
  DEC_MIDDLE = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  ENC_FIRST[b] = vpermState(b, false);
  ENC_MIDDLE[b] = vpermState(b ^ 0x63, false);
  DEC_MIDDLE[b] = vpermState(b ^ 0x63, true);
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
  const out = new Uint8Array(buffer, VPERM_LAYOUT.keys, 16 * (rounds + 1));
  for (let round = 0; round <= rounds; round++) {
    const table = round === rounds ? undefined : decrypt ? DEC_MIDDLE : round === 0 ? ENC_FIRST : ENC_MIDDLE;
    const constant = round === rounds && !decrypt ? 0x63 : 0;
    for (let w = 0; w < 4; w++) {
      const word = words[4 * round + w]!;
      for (let b = 0; b < 4; b++) {
        const byte = (word >>> (24 - 8 * b)) & 0xff;
        out[16 * round + 4 * b + w] = table === undefined ? byte ^ constant : table[byte]!;
      }
    }
  }
  return rounds;
}
