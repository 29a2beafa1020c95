/**
 * Which virtual connection an HTTP request belongs to (sans IO). HTTP has no connection of its own:
 * every POST may come on another socket, so the server keys its state by what the packet says in
 * the clear. https://core.telegram.org/mtproto/transports#http : the answer goes to "the session
 * (or rather, to session + key identifier)" of the request.
 * - An encrypted packet: its auth_key_id (the first 8 bytes), https://core.telegram.org/mtproto/description
 * - A plain one (auth_key_id 0, https://core.telegram.org/mtproto/description#unencrypted-message):
 *   the nonce that req_pq_multi, req_DH_params and set_client_DH_params all carry first
 *   (https://core.telegram.org/mtproto/auth_key), so one key exchange stays on one handshake state.
 * Undefined: too short to be either (the server answers 404, as TCP answers -404).
 */
export function routeKeyOf(packet: Uint8Array): string | undefined {
  if (packet.length < 8) return undefined;
  const keyId = packet.subarray(0, 8);
  if (keyId.some((byte) => byte !== 0)) return `k${hex(keyId)}`;
  // auth_key_id(8) msg_id(8) length(4) constructor(4) nonce(16)
  if (packet.length < 40) return undefined;
  return `n${hex(packet.subarray(24, 40))}`;
}

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}
