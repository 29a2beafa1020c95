import { apiRegistry } from "../generated/api/index.js";
import { mtprotoRegistry } from "../generated/mtproto/index.js";
import { secretRegistry } from "../generated/secret/index.js";
import { parseTl, stringifyTl } from "../json/convert.js";
import { decodeObject, encodeObject } from "../runtime/codec.js";
import { combineRegistries } from "../runtime/registry.js";
import type { TlObject, TlRegistry } from "../runtime/types.js";

const USAGE = `usage:
  mtkit-tl decode --schema api|mtproto|secret <hex|base64>   print the object as JSON
  mtkit-tl encode --schema api|mtproto|secret '<json>'       print the boxed object as hex
JSON: {"_":"ping","pingId":{"$long":"1"}}; bytes are {"$bytes":"<base64>"}.
"api" also reads MTProto service objects (rpc_result, msg_container, ...).`;

function registryFor(name: string): TlRegistry | undefined {
  if (name === "api") return combineRegistries(mtprotoRegistry, apiRegistry);
  if (name === "mtproto") return mtprotoRegistry;
  if (name === "secret") return secretRegistry;
  return undefined;
}

function parseInput(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, "");
  if (/^(0x)?([0-9a-fA-F]{2})+$/.test(compact)) {
    const hex = compact.replace(/^0x/, "");
    return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  }
  return Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
}

/** The CLI without process I/O, so it can be tested. */
export function runCli(args: readonly string[]): { ok: boolean; output: string } {
  const [command, ...rest] = args;
  let schema = "api";
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--schema") schema = rest[++i] ?? "";
    else positional.push(rest[i]!);
  }
  const registry = registryFor(schema);
  const input = positional[0];
  if (registry === undefined || input === undefined || positional.length !== 1) return { ok: false, output: USAGE };
  try {
    if (command === "decode") return { ok: true, output: stringifyTl(decodeObject(registry, parseInput(input)), 2) };
    if (command === "encode") {
      const bytes = encodeObject(registry, parseTl(input) as TlObject);
      return { ok: true, output: Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("") };
    }
  } catch (error) {
    return { ok: false, output: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  return { ok: false, output: USAGE };
}
