import { TlBytesReader } from "../wire/tl-reader.js";
import { HandshakeIds } from "./ids.js";
import { ServerHandshakeError } from "./handshake-error.js";

/** p_q_inner_data in any of its four forms (GramJS sends the legacy one without dc; peers.md §3). */
export interface PqInnerData {
  readonly pq: Uint8Array;
  readonly p: Uint8Array;
  readonly q: Uint8Array;
  readonly nonce: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly newNonce: Uint8Array;
  readonly dc: number | undefined;
  /** Set for a temporary key (PFS): https://core.telegram.org/api/pfs */
  readonly expiresIn: number | undefined;
}

export function readPqInnerData(bytes: Uint8Array): PqInnerData {
  const reader = new TlBytesReader(bytes);
  const id = reader.id();
  const known: readonly number[] = [
    HandshakeIds.pqInnerData,
    HandshakeIds.pqInnerDataDc,
    HandshakeIds.pqInnerDataTemp,
    HandshakeIds.pqInnerDataTempDc,
  ];
  if (!known.includes(id)) throw new ServerHandshakeError("BAD_INNER_DATA", `unknown inner data 0x${id.toString(16)}`);
  const pq = reader.bytesValue();
  const p = reader.bytesValue();
  const q = reader.bytesValue();
  const nonce = reader.raw(16);
  const serverNonce = reader.raw(16);
  const newNonce = reader.raw(32);
  const hasDc = id === HandshakeIds.pqInnerDataDc || id === HandshakeIds.pqInnerDataTempDc;
  const isTemp = id === HandshakeIds.pqInnerDataTemp || id === HandshakeIds.pqInnerDataTempDc;
  const dc = hasDc ? reader.int() : undefined;
  const expiresIn = isTemp ? reader.int() : undefined;
  return { pq, p, q, nonce, serverNonce, newNonce, dc, expiresIn };
}
