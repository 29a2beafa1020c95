import type { TlObject } from "./types.js";
import type { TlWriter } from "./writer.js";

/** Element writers for vectors, shared so generated code does not create closures. */
export const writeInt = (w: TlWriter, v: number): void => {
  w.int(v);
};
export const writeLong = (w: TlWriter, v: bigint): void => {
  w.long(v);
};
export const writeDouble = (w: TlWriter, v: number): void => {
  w.double(v);
};
export const writeString = (w: TlWriter, v: string): void => {
  w.string(v);
};
export const writeBytes = (w: TlWriter, v: Uint8Array): void => {
  w.bytes(v);
};
export const writeInt128 = (w: TlWriter, v: Uint8Array): void => {
  w.int128(v);
};
export const writeInt256 = (w: TlWriter, v: Uint8Array): void => {
  w.int256(v);
};
export const writeBool = (w: TlWriter, v: boolean): void => {
  w.bool(v);
};
export const writeObject = (w: TlWriter, v: TlObject): void => {
  w.object(v);
};
