/**
 * The few DER (X.690) shapes RSA keys use: SEQUENCE, INTEGER, BIT STRING, OCTET STRING, OID, NULL.
 * Every length is bounds-checked before use, so a hostile key cannot make us over-read or allocate.
 */
import { bigIntFromBytes } from "../util/bigint.js";
import { RsaError } from "./rsa-error.js";

export const DER_INTEGER = 0x02;
export const DER_BIT_STRING = 0x03;
export const DER_OCTET_STRING = 0x04;
export const DER_SEQUENCE = 0x30;

export interface DerElement {
  readonly tag: number;
  readonly content: Uint8Array;
}

function fail(message: string): never {
  throw new RsaError("INVALID_DER", message);
}

/** Splits `data` into its top-level elements. */
export function readDerElements(data: Uint8Array): DerElement[] {
  const out: DerElement[] = [];
  let i = 0;
  while (i < data.length) {
    if (i + 2 > data.length) fail("truncated DER header");
    const tag = data[i]!;
    let length = data[i + 1]!;
    i += 2;
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 4 || i + count > data.length) fail("unsupported DER length");
      length = 0;
      for (let j = 0; j < count; j++) length = length * 256 + data[i + j]!;
      i += count;
    }
    if (i + length > data.length) fail("DER element runs past the end");
    out.push({ tag, content: data.subarray(i, i + length) });
    i += length;
  }
  return out;
}

export function expectTag(element: DerElement | undefined, tag: number): Uint8Array {
  if (element?.tag !== tag) fail(`expected DER tag 0x${tag.toString(16)}`);
  return element.content;
}

/** The children of a SEQUENCE that must be the whole of `data`. */
export function readSequence(data: Uint8Array): DerElement[] {
  const top = readDerElements(data);
  if (top.length !== 1) fail("expected exactly one DER SEQUENCE");
  return readDerElements(expectTag(top[0], DER_SEQUENCE));
}

export function readPositiveInteger(element: DerElement | undefined): bigint {
  const content = expectTag(element, DER_INTEGER);
  if (content.length === 0 || content[0]! & 0x80) fail("expected a positive DER INTEGER");
  return bigIntFromBytes(content);
}
