// tl-core alone: API objects as plain objects, compact TL bytes, and the JSON view. No network.
import { decodeObject, encodeObject, stringifyTl } from "@mtkit/tl-core";
import { apiRegistry, type RawInputPeerUser } from "@mtkit/tl-core/api";

export function roundTrip(): { hex: string; json: string } {
  const peer: RawInputPeerUser = { _: "inputPeerUser", userId: 777n, accessHash: -5n };
  const bytes = encodeObject(apiRegistry, peer);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return { hex, json: stringifyTl(decodeObject(apiRegistry, bytes)) };
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) console.log(roundTrip());
