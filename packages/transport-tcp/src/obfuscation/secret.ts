import { TransportError } from "../codec/errors.js";

/**
 * An MTProxy secret, https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation :
 * - `simple`: 16 bytes;
 * - `secured`: `dd` + 16 bytes, padded intermediate required (gotd also reads `ee` + 16 this way);
 * - `fakeTls`: `ee` + 16 bytes + SNI domain, obfuscated stream wrapped in TLS records.
 */
export interface ProxySecret {
  readonly kind: "simple" | "secured" | "fakeTls";
  /** The 16 bytes mixed into the obfuscation keys and used as the fake-TLS HMAC key. */
  readonly key: Uint8Array;
  /** SNI domain for `fakeTls`. */
  readonly domain?: string;
}

/** Parses a secret given as bytes, hex, or base64/base64url (both appear in `tg://proxy` links). */
export function parseProxySecret(input: Uint8Array | string): ProxySecret {
  const bytes = typeof input === "string" ? decodeSecretText(input) : input;
  if (bytes.length === 16) return { kind: "simple", key: Uint8Array.from(bytes) };
  const prefix = bytes[0];
  if (bytes.length === 17 && (prefix === 0xdd || prefix === 0xee)) return { kind: "secured", key: bytes.slice(1) };
  if (bytes.length > 17 && prefix === 0xee) {
    const domain = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(17));
    return { kind: "fakeTls", key: bytes.slice(1, 17), domain };
  }
  throw new TransportError("BAD_SECRET", `MTProxy secret of ${bytes.length} bytes has no known form`, {
    length: bytes.length,
  });
}

/** The secret back in its canonical byte form (prefix + key + domain). */
export function encodeProxySecret(secret: ProxySecret): Uint8Array {
  if (secret.kind === "simple") return Uint8Array.from(secret.key);
  if (secret.kind === "secured") return Uint8Array.of(0xdd, ...secret.key);
  return Uint8Array.of(0xee, ...secret.key, ...new TextEncoder().encode(secret.domain ?? ""));
}

function decodeSecretText(text: string): Uint8Array {
  const trimmed = text.trim();
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) {
    const out = new Uint8Array(trimmed.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(trimmed.slice(i * 2, i * 2 + 2), 16);
    return out;
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const standard = trimmed.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
  throw new TransportError("BAD_SECRET", "MTProxy secret is neither hex nor base64");
}
